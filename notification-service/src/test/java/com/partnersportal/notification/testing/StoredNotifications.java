package com.partnersportal.notification.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery records as they are in the service's database. */
public final class StoredNotifications {

    private final JdbcClient jdbc;

    public StoredNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> to(String recipient) {
        return jdbc.sql("""
                        SELECT id, kind, language, status, attempts, last_error, html_body, text_body, event_id, sent_at, failed_at
                        FROM notification WHERE recipient = :recipient ORDER BY created_at""")
                .param("recipient", recipient)
                .query((row, n) -> new Row(row.getObject("id", UUID.class), row.getString("kind"), row.getString("language"),
                        row.getString("status"), row.getInt("attempts"), row.getString("last_error"),
                        row.getString("html_body"), row.getString("text_body"), row.getString("event_id"),
                        instant(row.getTimestamp("sent_at")), instant(row.getTimestamp("failed_at"))))
                .list();
    }

    /** The single notification to this recipient; fails if there is none or more. */
    public Row single(String recipient) {
        List<Row> rows = to(recipient);
        if (rows.size() != 1) {
            throw new AssertionError("expected one notification to " + recipient + " but found " + rows.size());
        }
        return rows.getFirst();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record Row(UUID id, String kind, String language, String status, int attempts, String lastError,
            String htmlBody, String textBody, String eventId, Instant sentAt, Instant failedAt) {
    }
}
