package com.partnersportal.notification.testing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recipient lookups as they are in the service's database. */
public final class RecipientLookupRows {

    private final JdbcClient jdbc;

    public RecipientLookupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many lookups the events about this subject (the aggregate the publisher keyed them by) recorded. */
    public long about(String subject) {
        return jdbc.sql("SELECT count(*) FROM recipient_lookup WHERE subject = :subject")
                .param("subject", subject).query(Long.class).single();
    }

    public Optional<Row> ofEvent(String eventId) {
        return jdbc.sql("""
                        SELECT status, attempts, recipients, last_error, payload IS NULL AS forgotten
                        FROM recipient_lookup WHERE event_id = :id""")
                .param("id", eventId)
                .query((row, n) -> new Row(row.getString("status"), row.getInt("attempts"),
                        (Integer) row.getObject("recipients"), row.getString("last_error"), row.getBoolean("forgotten")))
                .optional();
    }

    /** @param forgotten whether the event's payload (with its signed links) is gone */
    public record Row(String status, int attempts, Integer recipients, String lastError, boolean forgotten) {
    }
}
