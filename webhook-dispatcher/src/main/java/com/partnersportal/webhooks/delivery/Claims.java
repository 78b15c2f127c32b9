package com.partnersportal.webhooks.delivery;

import com.partnersportal.webhooks.settings.WebhookProperties;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim, in two short statements: the due candidates, where per endpoint and order only the oldest pending
 * message qualifies (a later status waits until the earlier one is delivered or given up), skipping endpoints parked
 * or full in this replica (open breaker, spent rate, Retry-After, concurrency limit reached), taking no more per
 * endpoint than it has room for; then the lease itself, {@code FOR UPDATE SKIP LOCKED} re-checking each row, so
 * replicas claim at the same time without waiting on or taking each other's rows. The lease outlasts an attempt, so a message is
 * never sent by two replicas at once; a replica that dies leaves its leases to expire.
 *
 * <p>The candidates are found per endpoint, not by one walk of everything due (ADR 21): a skip scan of the index on
 * {@code (endpoint_id, next_attempt_at)} finds the endpoints with pending messages (one index descent each), and only
 * for those that are due, enabled, not skipped and have room does a second probe of the same index read their oldest
 * due heads, at most as many as they have room for. An endpoint at its limit costs one descent, not a walk past its
 * whole backlog.
 */
final class Claims {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Due heads, oldest due first: no earlier pending message of the same endpoint and order exists. Costs one index
     * descent per endpoint with pending messages plus, per endpoint with room, the rows up to its room.
     */
    private static final String CANDIDATES = """
            WITH RECURSIVE ready (endpoint_id, first_due) AS (
                (SELECT endpoint_id, next_attempt_at FROM webhook_message
                 WHERE status = 'pending' ORDER BY endpoint_id, next_attempt_at LIMIT 1)
                UNION ALL
                SELECT n.endpoint_id, n.next_attempt_at FROM ready r
                CROSS JOIN LATERAL (SELECT endpoint_id, next_attempt_at FROM webhook_message
                                    WHERE status = 'pending' AND endpoint_id > r.endpoint_id
                                    ORDER BY endpoint_id, next_attempt_at LIMIT 1) n
            ),
            busy (endpoint_id, running) AS (
                SELECT * FROM unnest(CAST(:busyIds AS uuid[]), CAST(:busyCounts AS int[]))
            ),
            with_room (endpoint_id, room) AS (
                SELECT e.id, LEAST(:batch, coalesce(e.max_concurrency, :concurrency) - coalesce(b.running, 0))
                FROM ready r JOIN webhook_endpoint e ON e.id = r.endpoint_id
                LEFT JOIN busy b ON b.endpoint_id = e.id
                WHERE r.first_due <= :now AND e.enabled AND e.deleted_at IS NULL
                  AND NOT (e.id = ANY (CAST(:skipped AS uuid[])))
                  AND coalesce(e.max_concurrency, :concurrency) > coalesce(b.running, 0)
            )
            SELECT h.id, h.endpoint_id FROM with_room o
            CROSS JOIN LATERAL (
                SELECT m.id, m.endpoint_id, m.next_attempt_at FROM webhook_message m
                WHERE m.endpoint_id = o.endpoint_id AND m.status = 'pending' AND m.next_attempt_at <= :now
                  AND (m.claimed_until IS NULL OR m.claimed_until <= :now)
                  AND NOT EXISTS (SELECT 1 FROM webhook_message p
                                  WHERE p.endpoint_id = m.endpoint_id AND p.order_key = m.order_key
                                    AND p.status = 'pending' AND p.seq < m.seq)
                ORDER BY m.next_attempt_at
                LIMIT o.room
            ) h
            ORDER BY h.next_attempt_at
            LIMIT :batch""";

    /** Leases the chosen rows that nobody took meanwhile; locked ones are skipped, not waited for. */
    private static final String LEASE = """
            WITH chosen AS (
                SELECT w.id, w.claimed_until IS NOT NULL AS lease_expired FROM unnest(CAST(:ids AS uuid[])) AS c(id)
                JOIN webhook_message w ON w.id = c.id
                WHERE w.status = 'pending' AND w.next_attempt_at <= :now
                  AND (w.claimed_until IS NULL OR w.claimed_until <= :now)
                FOR UPDATE OF w SKIP LOCKED
            )
            UPDATE webhook_message m SET claimed_until = :until, claimed_by = :me
            FROM chosen c, webhook_endpoint e
            WHERE m.id = c.id AND e.id = m.endpoint_id
            RETURNING m.id, m.endpoint_id, m.merchant_id, m.event_type, m.order_id, m.test, m.payload, m.attempts,
                      m.occurred_at, e.url, e.headers::text AS headers, e.rate_limit,
                      coalesce(e.max_concurrency, :concurrency) AS cap,
                      (SELECT array_agg(s.secret ORDER BY s.id DESC) FROM endpoint_secret s
                       WHERE s.endpoint_id = m.endpoint_id AND (s.expires_at IS NULL OR s.expires_at > :now)) AS secrets,
                      (SELECT t.token FROM merchant_notification_token t WHERE t.merchant_id = m.merchant_id) AS token,
                      c.lease_expired""";

    private final JdbcClient jdbc;
    private final WebhookProperties properties;
    private final String me;

    Claims(JdbcClient jdbc, WebhookProperties properties, String me) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.me = me;
    }

    /**
     * Secrets and the notification token come back encrypted; the caller opens them.
     *
     * @param skipped endpoints parked or full in this replica
     * @param busy    attempts running in this replica per endpoint (an endpoint gets its limit minus these)
     */
    List<ClaimedMessage> claim(int batch, Collection<UUID> skipped, Map<UUID, Integer> busy, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<UUID> busyIds = new ArrayList<>(busy.keySet());
        List<UUID> ids = jdbc.sql(CANDIDATES).param("now", at).param("skipped", array(skipped)).param("batch", batch)
                .param("busyIds", array(busyIds))
                .param("busyCounts", "{" + busyIds.stream().map(id -> String.valueOf(busy.get(id)))
                        .collect(Collectors.joining(",")) + "}")
                .param("concurrency", properties.endpointConcurrency())
                .query((rs, n) -> rs.getObject("id", UUID.class)).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LEASE)
                .param("ids", array(ids))
                .param("now", at)
                .param("until", Timestamp.from(now.plus(properties.lease())))
                .param("me", me)
                .param("concurrency", properties.endpointConcurrency())
                .query((rs, n) -> row(rs, now)).list();
    }

    private static String array(Collection<UUID> ids) {
        return "{" + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}";
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

    /** A sealed secret as it travels in {@link ClaimedMessage} until the attempt opens it: base64 of the stored bytes. */
    private static String text(byte[] sealed) {
        return sealed == null ? null : Base64.getEncoder().encodeToString(sealed);
    }

    private static ClaimedMessage row(ResultSet rs, Instant claimedAt) throws SQLException {
        Array secrets = rs.getArray("secrets");
        Timestamp occurred = rs.getTimestamp("occurred_at");
        return new ClaimedMessage(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getString("event_type"), rs.getObject("order_id", UUID.class),
                rs.getBoolean("test"), rs.getString("payload"), rs.getInt("attempts"), occurred.toInstant(),
                rs.getString("url"), JSON.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() { }),
                (Integer) rs.getObject("rate_limit"), rs.getInt("cap"),
                secrets == null ? List.of() : Arrays.stream((byte[][]) secrets.getArray()).map(Claims::text).toList(),
                text(rs.getBytes("token")), claimedAt,
                rs.getBoolean("lease_expired"));
    }
}
