package com.partnersportal.identity.audit;

import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log by keyset (cursor = the last entry's position), so no page loads the whole table. */
@Component
class AuditLogQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLogQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param merchantId  the only merchant whose entries are read; null with {@code allMerchants} reads everything
     */
    record Filter(UUID merchantId, boolean allMerchants, String action, String actorId, Instant from, Instant to) {
    }

    AuditLogPage page(Filter filter, String cursor, Integer requestedLimit) {
        int limit = requestedLimit == null ? DEFAULT_LIMIT : requestedLimit;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_limit",
                    "limit must be between 1 and %d.".formatted(MAX_LIMIT), Map.of("max", MAX_LIMIT));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (!filter.allMerchants()) {
            sql.append(" AND merchant_id = :merchantId");
            params.put("merchantId", filter.merchantId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = :actorId");
            params.put("actorId", filter.actorId());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        PageCursor after = PageCursor.decode("audit-log", cursor);
        if (after != null) {
            sql.append(" AND position < :cursor");
            params.put("cursor", after.number(0));
        }
        sql.append(" ORDER BY position DESC LIMIT :limit");
        params.put("limit", limit + 1);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::row).list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = PageCursor.encode("audit-log", rows.getLast().position());
        }
        return new AuditLogPage(rows.stream().map(Row::entry).toList(), next);
    }

    private record Row(long position, AuditLogPage.Entry entry) {
    }

    private Row row(ResultSet rs, int rowNumber) throws SQLException {
        String before = rs.getString("before");
        String after = rs.getString("after");
        return new Row(rs.getLong("position"), new AuditLogPage.Entry(
                rs.getObject("id", UUID.class), rs.getString("action"),
                new Actor(rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("actor_email")),
                new AuditLogPage.Target(rs.getString("target_type"), rs.getString("target_id")),
                rs.getString("client_address"),
                before == null ? null : json.readTree(before), after == null ? null : json.readTree(after),
                rs.getTimestamp("occurred_at").toInstant()));
    }
}
