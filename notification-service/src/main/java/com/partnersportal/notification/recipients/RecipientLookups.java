package com.partnersportal.notification.recipients;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.inbox.InboundEvent;
import com.partnersportal.kit.work.Claimed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events waiting for their recipients ({@code recipient_lookup}), as a work queue the resolvers of every replica
 * share: a resolver claims due lookups under a lease ({@code FOR UPDATE SKIP LOCKED}, then {@code claimed_by} and
 * {@code next_attempt_at} = the lease's end), and only that claim may record the outcome. A
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

    /** Claims up to {@code limit} due lookups for {@code claim} until {@code leaseEnd}, counting the attempt. */
    List<Claimed<PendingLookup>> claim(UUID claim, Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                        UPDATE recipient_lookup l
                        SET claimed_by = :claim, next_attempt_at = :leaseEnd, attempts = l.attempts + 1
                        FROM (SELECT id, claimed_by AS previous FROM recipient_lookup
                              WHERE status = 'pending' AND next_attempt_at <= :now
                              ORDER BY next_attempt_at
                              LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE l.id = due.id
                        RETURNING l.id, l.event_id, l.event_type, l.subject, l.merchant_id, l.permission,
                                  l.legal_entity_id, l.payload, l.attempts, due.previous IS NOT NULL AS lease_expired""")
                .param("claim", claim)
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(leaseEnd))
                .param("limit", limit)
                .query((row, n) -> new Claimed<>(pendingLookup(row, n), row.getInt("attempts"),
                        row.getBoolean("lease_expired")))
                .list();
    }

    boolean resolved(UUID id, UUID claim, Instant now, int recipients) {
        return jdbc.sql("""
                        UPDATE recipient_lookup
                        SET status = 'resolved', recipients = :recipients, resolved_at = :now, claimed_by = NULL,
                            next_attempt_at = NULL, payload = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("recipients", recipients)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean retryAt(UUID id, UUID claim, Instant next, String error) {
        return jdbc.sql("""
                        UPDATE recipient_lookup SET next_attempt_at = :next, last_error = :error, claimed_by = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("next", Timestamp.from(next))
                .param("error", truncate(error))
                .update() == 1;
    }

    boolean failed(UUID id, UUID claim, Instant now, String error) {
        return jdbc.sql("""
                        UPDATE recipient_lookup
                        SET status = 'failed', failed_at = :now, last_error = :error, claimed_by = NULL,
                            next_attempt_at = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("now", Timestamp.from(now))
                .param("error", truncate(error))
                .update() == 1;
    }

    /** Gives a claimed lookup back unattempted (its resolver is stopping): due at once, its attempt not counted. */
    void release(UUID id, UUID claim, Instant now) {
        jdbc.sql("""
                        UPDATE recipient_lookup SET claimed_by = NULL, next_attempt_at = :now, attempts = attempts - 1
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("now", Timestamp.from(now))
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
