package com.partnersportal.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.QueueTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pending mails as a work queue that any number of sender replicas share. A sender claims a batch in one
 * statement ({@code FOR UPDATE SKIP LOCKED}, so two senders never take the same mail) and holds each mail for a
 * lease; only the holder's claim may record the outcome. A sender that dies leaves its mails due again once the
 * lease ends. Sent and given-up mails lose their bodies, which carry the links' secrets.
 */
@Component
class DeliveryQueue {

    private static final String BODIES_DROPPED = "html_body = NULL, text_body = NULL";

    private final JdbcClient jdbc;
    private final QueueTable table;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new QueueTable(jdbc, "notification");
    }

    /** Claims up to {@code limit} due mails under the lease, counting the attempt; a mail's last attempt is its last. */
    List<Claimed<PendingMail>> claim(Lease lease, int limit, int maxAttempts) {
        return table.claim(lease, limit, "last_attempt_at = :now", "attempts < :maxAttempts",
                Map.of("maxAttempts", maxAttempts),
                "q.id, q.kind, q.recipient, q.language, q.subject, q.html_body, q.text_body", DeliveryQueue::claimedMail);
    }

    boolean markSent(UUID id, Lease lease, Instant now) {
        return table.finish(id, lease, now, "status = 'sent', sent_at = :now, " + BODIES_DROPPED, Map.of());
    }

    boolean scheduleRetry(UUID id, Lease lease, Instant nextAttempt, String error) {
        return table.retry(id, lease, nextAttempt, error);
    }

    boolean markFailed(UUID id, Lease lease, Instant now, String error) {
        return table.fail(id, lease, now, error, BODIES_DROPPED);
    }

    /** Gives a claimed mail back unattempted (its sender is stopping): due at once, its attempt not counted. */
    void release(UUID id, Lease lease) {
        table.release(id, lease);
    }

    /**
     * Gives up the mails whose last attempt was claimed but never reported (their sender stopped) and that have no
     * attempt left. Whether that attempt reached the server is unknown; trying once more could mail twice.
     *
     * @return the kinds of the mails given up, one entry each
     */
    List<String> giveUpAbandoned(Instant now, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE notification
                        SET status = 'failed', failed_at = :now, claimed_by = NULL, next_attempt_at = NULL,
                            html_body = NULL, text_body = NULL,
                            last_error = 'no outcome was recorded for the last attempt (its sender stopped); given up'
                                         || coalesce('; before that: ' || last_error, '')
                        WHERE status = 'pending' AND attempts >= :maxAttempts AND next_attempt_at <= :now
                        RETURNING kind""")
                .param("now", Timestamp.from(now)).param("maxAttempts", maxAttempts)
                .query(String.class)
                .list();
    }

    long pendingCount() {
        return table.pendingCount();
    }

    private static PendingMail claimedMail(ResultSet row, int number) throws SQLException {
        return new PendingMail(row.getObject("id", UUID.class), row.getString("kind"), row.getString("recipient"),
                row.getString("language"), row.getString("subject"), row.getString("html_body"),
                row.getString("text_body"));
    }
}
