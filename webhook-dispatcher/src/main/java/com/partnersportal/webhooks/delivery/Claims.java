package com.partnersportal.webhooks.delivery;

import com.partnersportal.webhooks.settings.WebhookProperties;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim: one statement that leases due messages to this replica. Per endpoint and order only the oldest
 * pending message is a candidate (a later status waits until the earlier one is delivered or given up); endpoints
 * that are parked here (open breaker, spent rate, Retry-After) are skipped; per endpoint no more are taken than its
 * concurrency limit minus what is in flight in every replica; {@code FOR UPDATE SKIP LOCKED} lets replicas claim at
 * the same time without waiting on or taking each other's rows. The lease outlasts an attempt, so a message is
 * never sent by two replicas at once; a replica that dies leaves its leases to expire.
 */
final class Claims {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CLAIM = """
            WITH inflight AS (
                SELECT endpoint_id, count(*) AS n FROM webhook_message
                WHERE status = 'pending' AND claimed_until > :now GROUP BY endpoint_id
            ), heads AS (
                SELECT DISTINCT ON (endpoint_id, order_key) id, endpoint_id, next_attempt_at, claimed_until
                FROM webhook_message WHERE status = 'pending'
                ORDER BY endpoint_id, order_key, seq
            ), ready AS (
                SELECT h.id, row_number() OVER (PARTITION BY h.endpoint_id ORDER BY h.next_attempt_at, h.id) AS rn
                FROM heads h
                WHERE h.next_attempt_at <= :now AND (h.claimed_until IS NULL OR h.claimed_until <= :now)
                  AND NOT (h.endpoint_id = ANY (CAST(:parked AS uuid[])))
            ), chosen AS (
                SELECT m.id FROM webhook_message m
                JOIN ready r ON r.id = m.id
                JOIN webhook_endpoint e ON e.id = m.endpoint_id
                LEFT JOIN inflight i ON i.endpoint_id = m.endpoint_id
                WHERE e.enabled AND e.deleted_at IS NULL
                  AND r.rn + coalesce(i.n, 0) <= coalesce(e.max_concurrency, :concurrency)
                  AND m.status = 'pending' AND m.next_attempt_at <= :now
                  AND (m.claimed_until IS NULL OR m.claimed_until <= :now)
                ORDER BY m.next_attempt_at
                LIMIT :batch
                FOR UPDATE OF m SKIP LOCKED
            )
            UPDATE webhook_message m SET claimed_until = :until, claimed_by = :me
            FROM chosen c, webhook_endpoint e
            WHERE m.id = c.id AND e.id = m.endpoint_id
            RETURNING m.id, m.endpoint_id, m.merchant_id, m.event_type, m.order_id, m.test, m.payload, m.attempts,
                      m.occurred_at, e.url, e.headers::text AS headers, e.rate_limit,
                      (SELECT array_agg(s.secret ORDER BY s.id DESC) FROM endpoint_secret s
                       WHERE s.endpoint_id = m.endpoint_id AND (s.expires_at IS NULL OR s.expires_at > :now)) AS secrets,
                      (SELECT t.token FROM merchant_notification_token t WHERE t.merchant_id = m.merchant_id) AS token""";

    private final JdbcClient jdbc;
    private final WebhookProperties properties;
    private final String me;

    Claims(JdbcClient jdbc, WebhookProperties properties, String me) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.me = me;
    }

    /** Secrets and the notification token come back encrypted; the caller opens them. */
    List<Claimed> claim(int batch, Collection<UUID> parked, Instant now) {
        return jdbc.sql(CLAIM)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(properties.lease())))
                .param("me", me)
                .param("batch", batch)
                .param("concurrency", properties.endpointConcurrency())
                .param("parked", "{" + parked.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}")
                .query(Claims::row).list();
    }

    /** Gives a claimed message back untried, due again at the given time. */
    void release(UUID messageId, Instant dueAt) {
        jdbc.sql("""
                        UPDATE webhook_message SET claimed_until = NULL, claimed_by = NULL,
                               next_attempt_at = GREATEST(next_attempt_at, :due)
                        WHERE id = :id AND claimed_by = :me AND status = 'pending'""")
                .param("due", Timestamp.from(dueAt)).param("id", messageId).param("me", me).update();
    }

    String me() {
        return me;
    }

    private static Claimed row(ResultSet rs, int n) throws SQLException {
        Array secrets = rs.getArray("secrets");
        Timestamp occurred = rs.getTimestamp("occurred_at");
        return new Claimed(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getString("event_type"), rs.getObject("order_id", UUID.class),
                rs.getBoolean("test"), rs.getString("payload"), rs.getInt("attempts"), occurred.toInstant(),
                rs.getString("url"), JSON.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() { }),
                (Integer) rs.getObject("rate_limit"),
                secrets == null ? List.of() : Arrays.asList((String[]) secrets.getArray()), rs.getString("token"));
    }
}
