package com.partnersportal.webhooks.message;

import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The delivery log: messages by filter, newest first with a cursor; a message's attempts; an endpoint's health. */
@Service
public class MessageLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Filter(UUID endpointId, String eventType, String status, UUID orderId, Instant from, Instant to) {
    }

    public record MessageRow(UUID id, UUID endpointId, String eventType, UUID orderId, boolean test, String status,
            int attempts, Instant createdAt, Instant occurredAt, Instant nextAttemptAt, Instant finishedAt,
            Integer lastStatus, String lastError, String payload) {
    }

    public record Page(List<MessageRow> messages, String nextCursor) {
    }

    public record AttemptRow(long id, int attemptNumber, Instant startedAt, int latencyMs, String outcome, String url,
            Map<String, String> requestHeaders, Integer responseStatus, String responseBody, String error) {
    }

    public record Health(long attempts, long successes, Double successRate, long queueDepth, long failedMessages,
            Instant failingSince, Instant lastSuccessAt, List<AttemptRow> recentFailures) {
    }

    public Page page(UUID merchantId, Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, endpoint_id, event_type, order_id, test, status, attempts, created_at, occurred_at,
                       next_attempt_at, finished_at, last_status, last_error, payload
                FROM webhook_message WHERE merchant_id = :m""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("m", merchantId);
        if (filter.endpointId() != null) {
            sql.append(" AND endpoint_id = :endpoint");
            params.put("endpoint", filter.endpointId());
        }
        if (filter.eventType() != null) {
            sql.append(" AND event_type = :type");
            params.put("type", filter.eventType());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status());
        }
        if (filter.orderId() != null) {
            sql.append(" AND order_id = :order");
            params.put("order", filter.orderId());
        }
        if (filter.from() != null) {
            sql.append(" AND created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND created_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        PageCursor after = PageCursor.decode("webhook-messages", cursor);
        if (after != null) {
            sql.append(" AND (created_at, id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(after.instant(0)));
            params.put("cursorId", after.uuid(1));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit + 1);
        List<MessageRow> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(MessageLog::message).list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            MessageRow last = rows.getLast();
            next = PageCursor.encode("webhook-messages", last.createdAt(), last.id());
        }
        return new Page(rows, next);
    }

    public MessageRow message(UUID merchantId, UUID messageId) {
        return jdbc.sql("""
                        SELECT id, endpoint_id, event_type, order_id, test, status, attempts, created_at, occurred_at,
                               next_attempt_at, finished_at, last_status, last_error, payload
                        FROM webhook_message WHERE id = :id AND merchant_id = :m""")
                .param("id", messageId).param("m", merchantId).query(MessageLog::message).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "message_not_found",
                        "No message " + messageId + " exists.", Map.of("message_id", messageId.toString())));
    }

    public List<AttemptRow> attempts(UUID messageId) {
        return jdbc.sql("""
                        SELECT id, attempt_number, started_at, latency_ms, outcome, url, request_headers::text AS request_headers,
                               response_status, response_body, error
                        FROM webhook_attempt WHERE message_id = :id ORDER BY id""")
                .param("id", messageId).query(MessageLog::attempt).list();
    }

    /** Success rate over the last 24 hours, recent failures, what waits. */
    public Health health(UUID endpointId, Instant failingSince, Instant lastSuccessAt) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofHours(24)));
        Map<String, Object> counts = jdbc.sql("""
                        SELECT count(*) AS attempts, count(*) FILTER (WHERE outcome = 'success') AS successes
                        FROM webhook_attempt WHERE endpoint_id = :id AND started_at >= :since""")
                .param("id", endpointId).param("since", since).query().singleRow();
        long attempts = ((Number) counts.get("attempts")).longValue();
        long successes = ((Number) counts.get("successes")).longValue();
        long depth = jdbc.sql("SELECT count(*) FROM webhook_message WHERE endpoint_id = :id AND status = 'pending'")
                .param("id", endpointId).query(Long.class).single();
        long failed = jdbc.sql("SELECT count(*) FROM webhook_message WHERE endpoint_id = :id AND status = 'failed'")
                .param("id", endpointId).query(Long.class).single();
        List<AttemptRow> failures = jdbc.sql("""
                        SELECT id, attempt_number, started_at, latency_ms, outcome, url, request_headers::text AS request_headers,
                               response_status, response_body, error
                        FROM webhook_attempt WHERE endpoint_id = :id AND outcome <> 'success'
                        ORDER BY started_at DESC LIMIT 10""")
                .param("id", endpointId).query(MessageLog::attempt).list();
        return new Health(attempts, successes, attempts == 0 ? null : (double) successes / attempts, depth, failed,
                failingSince, lastSuccessAt, failures);
    }

    private static MessageRow message(ResultSet rs, int n) throws SQLException {
        return new MessageRow(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getString("event_type"), rs.getObject("order_id", UUID.class), rs.getBoolean("test"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "occurred_at"),
                instant(rs, "next_attempt_at"), instant(rs, "finished_at"), (Integer) rs.getObject("last_status"),
                rs.getString("last_error"), rs.getString("payload"));
    }

    private static AttemptRow attempt(ResultSet rs, int n) throws SQLException {
        return new AttemptRow(rs.getLong("id"), rs.getInt("attempt_number"), instant(rs, "started_at"),
                rs.getInt("latency_ms"), rs.getString("outcome"), rs.getString("url"),
                JSON.readValue(rs.getString("request_headers"), new TypeReference<Map<String, String>>() { }),
                (Integer) rs.getObject("response_status"), rs.getString("response_body"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
