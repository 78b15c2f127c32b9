package com.partnersportal.notification.recipients;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.inbox.InboundEvent;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.QueueTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private final JdbcClient jdbc;
    private final QueueTable table;

    RecipientLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new QueueTable(jdbc, "recipient_lookup");
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

    /** Claims up to {@code limit} due lookups under the lease, counting the attempt. */
    List<Claimed<PendingLookup>> claim(Lease lease, int limit) {
        return table.claim(lease, limit,
                "q.id, q.event_id, q.event_type, q.subject, q.merchant_id, q.permission, q.legal_entity_id, q.payload",
                RecipientLookups::pendingLookup);
    }

    boolean resolved(UUID id, Lease lease, Instant now, int recipients) {
        return table.finish(id, lease, now, "status = 'resolved', recipients = :recipients, resolved_at = :now, payload = NULL",
                Map.of("recipients", recipients));
    }

    boolean retryAt(UUID id, Lease lease, Instant next, String error) {
        return table.retry(id, lease, next, error);
    }

    /** Gives the lookup up; it keeps its payload, so that an operator can set it back to pending. */
    boolean failed(UUID id, Lease lease, Instant now, String error) {
        return table.fail(id, lease, now, error, "");
    }

    /** Gives a claimed lookup back unattempted (its resolver is stopping): due at once, its attempt not counted. */
    void release(UUID id, Lease lease) {
        table.release(id, lease);
    }

    long pendingCount() {
        return table.pendingCount();
    }

    private static PendingLookup pendingLookup(ResultSet row, int number) throws SQLException {
        String permission = row.getString("permission");
        Audience audience = new Audience(row.getObject("merchant_id", UUID.class),
                Permission.fromCode(permission).orElseThrow(() -> new IllegalStateException("unknown permission " + permission)),
                row.getObject("legal_entity_id", UUID.class));
        return new PendingLookup(row.getObject("id", UUID.class), row.getString("event_id"), row.getString("event_type"),
                row.getString("subject"), audience, row.getBytes("payload"));
    }
}
