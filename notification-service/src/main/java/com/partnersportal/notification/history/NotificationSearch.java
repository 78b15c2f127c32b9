package com.partnersportal.notification.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the delivery records for operators: filtered pages, newest first, a page at a time (keyset paging). */
@Component
class NotificationSearch {

    private static final String COLUMNS = """
            id, kind, recipient, language, subject, status, attempts, last_error, last_attempt_at, next_attempt_at,
            event_id, event_type, created_at, sent_at, failed_at""";

    private final JdbcClient jdbc;

    NotificationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NotificationPage page(NotificationQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.recipient() != null) {
            conditions.add("lower(recipient) = lower(:recipient)");
            params.put("recipient", query.recipient());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            params.put("status", query.status().code());
        }
        if (query.kind() != null) {
            conditions.add("kind = :kind");
            params.put("kind", query.kind().code());
        }
        if (query.createdFrom() != null) {
            conditions.add("created_at >= :createdFrom");
            params.put("createdFrom", Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            conditions.add("created_at < :createdTo");
            params.put("createdTo", Timestamp.from(query.createdTo()));
        }
        if (query.after() != null) {
            conditions.add("(created_at, id) < (:afterCreatedAt, :afterId)");
            params.put("afterCreatedAt", Timestamp.from(query.after().createdAt()));
            params.put("afterId", query.after().id());
        }
        params.put("limit", query.limit() + 1);
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);

        List<NotificationDetails> rows = jdbc.sql("SELECT " + COLUMNS + " FROM notification " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(params)
                .query(NotificationSearch::details)
                .list();
        boolean more = rows.size() > query.limit();
        List<NotificationDetails> page = more ? rows.subList(0, query.limit()) : rows;
        NotificationDetails last = page.isEmpty() ? null : page.getLast();
        return new NotificationPage(page.stream().map(NotificationSearch::summary).toList(),
                more ? new Cursor(last.createdAt(), last.id()).encode() : null);
    }

    Optional<NotificationDetails> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = :id")
                .param("id", id)
                .query(NotificationSearch::details)
                .optional();
    }

    private static NotificationSummary summary(NotificationDetails n) {
        return new NotificationSummary(n.id(), n.kind(), n.recipient(), n.language(), n.subject(), n.status(),
                n.attempts(), n.lastError(), n.eventId(), n.createdAt(), n.sentAt(), n.failedAt());
    }

    private static NotificationDetails details(ResultSet row, int number) throws SQLException {
        return new NotificationDetails(row.getObject("id", UUID.class), row.getString("kind"), row.getString("recipient"),
                row.getString("language"), row.getString("subject"), row.getString("status"), row.getInt("attempts"),
                row.getString("last_error"), instant(row, "last_attempt_at"), instant(row, "next_attempt_at"),
                row.getString("event_id"), row.getString("event_type"), instant(row, "created_at"),
                instant(row, "sent_at"), instant(row, "failed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
