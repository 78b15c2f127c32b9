package com.partnersportal.notification.recipients;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.inbox.InboundEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events waiting for their recipients ({@code recipient_lookup}), as a work queue the resolvers of every replica
 * share: a resolver locks one due lookup ({@code FOR UPDATE SKIP LOCKED}) for the length of its transaction. A
 * resolved lookup loses its payload, which carries the event's signed links; a given-up one keeps it, so that an
 * operator can set it back to pending once identity-service is back.
 */
@Component
class RecipientLookups {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    RecipientLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(InboundEvent event, Audience audience, Instant now) {
        jdbc.sql("""
                        INSERT INTO recipient_lookup (event_id, event_type, subject, merchant_id, permission,
                                                      legal_entity_id, payload, status, next_attempt_at, created_at)
                        VALUES (:eventId, :eventType, :subject, :merchant, :permission, :entity, :payload, 'pending',
                                :now, :now)""")
                .param("eventId", event.id())
                .param("eventType", event.type())
                .param("subject", event.subject())
                .param("merchant", audience.merchantId())
                .param("permission", audience.permission().code())
                .param("entity", audience.legalEntityId())
                .param("payload", event.payload())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Locks the lookup due first, until the caller's transaction ends. */
    Optional<PendingLookup> lockNextDue(Instant now) {
        return jdbc.sql("""
                        SELECT id, event_id, event_type, subject, merchant_id, permission, legal_entity_id, payload, attempts
                        FROM recipient_lookup
                        WHERE status = 'pending' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query(RecipientLookups::pendingLookup)
                .optional();
    }

    void resolved(UUID id, int attempts, Instant now, int recipients) {
        jdbc.sql("""
                        UPDATE recipient_lookup
                        SET status = 'resolved', attempts = :attempts, recipients = :recipients, resolved_at = :now,
                            next_attempt_at = NULL, payload = NULL
                        WHERE id = :id""")
                .param("id", id).param("attempts", attempts).param("recipients", recipients)
                .param("now", Timestamp.from(now))
                .update();
    }

    void retryAt(UUID id, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE recipient_lookup SET attempts = :attempts, next_attempt_at = :next, last_error = :error WHERE id = :id")
                .param("id", id).param("attempts", attempts).param("next", Timestamp.from(next))
                .param("error", truncate(error))
                .update();
    }

    void failed(UUID id, int attempts, Instant now, String error) {
        jdbc.sql("""
                        UPDATE recipient_lookup
                        SET status = 'failed', attempts = :attempts, failed_at = :now, last_error = :error,
                            next_attempt_at = NULL
                        WHERE id = :id""")
                .param("id", id).param("attempts", attempts).param("now", Timestamp.from(now))
                .param("error", truncate(error))
                .update();
    }

    long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM recipient_lookup WHERE status = 'pending'").query(Long.class).single();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static PendingLookup pendingLookup(ResultSet row, int number) throws SQLException {
        String permission = row.getString("permission");
        Audience audience = new Audience(row.getObject("merchant_id", UUID.class),
                Permission.fromCode(permission).orElseThrow(() -> new IllegalStateException("unknown permission " + permission)),
                row.getObject("legal_entity_id", UUID.class));
        return new PendingLookup(row.getObject("id", UUID.class), row.getString("event_id"), row.getString("event_type"),
                row.getString("subject"), audience, row.getBytes("payload"), row.getInt("attempts"));
    }
}
