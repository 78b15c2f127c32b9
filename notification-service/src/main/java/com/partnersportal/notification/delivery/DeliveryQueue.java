package com.partnersportal.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} due mails for {@code claim} until {@code leaseEnd}, counting the attempt. */
    List<ClaimedMail> claim(UUID claim, Instant now, Instant leaseEnd, int limit, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE notification n
                        SET claimed_by = :claim, next_attempt_at = :leaseEnd, last_attempt_at = :now, attempts = n.attempts + 1
                        FROM (SELECT id, claimed_by AS previous FROM notification
                              WHERE status = 'pending' AND next_attempt_at <= :now AND attempts < :maxAttempts
                              ORDER BY next_attempt_at
                              LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE n.id = due.id
                        RETURNING n.id, n.kind, n.recipient, n.language, n.subject, n.html_body, n.text_body, n.attempts,
                                  due.previous IS NOT NULL AS lease_expired""")
                .param("claim", claim)
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(leaseEnd))
                .param("limit", limit)
                .param("maxAttempts", maxAttempts)
                .query(DeliveryQueue::claimedMail)
                .list();
    }

    boolean markSent(UUID id, UUID claim, Instant now) {
        return jdbc.sql("""
                        UPDATE notification
                        SET status = 'sent', sent_at = :now, claimed_by = NULL, next_attempt_at = NULL,
                            html_body = NULL, text_body = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean scheduleRetry(UUID id, UUID claim, Instant nextAttempt, String error) {
        return jdbc.sql("""
                        UPDATE notification SET next_attempt_at = :next, last_error = :error, claimed_by = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("next", Timestamp.from(nextAttempt))
                .param("error", truncate(error))
                .update() == 1;
    }

    boolean markFailed(UUID id, UUID claim, Instant now, String error) {
        return jdbc.sql("""
                        UPDATE notification
                        SET status = 'failed', failed_at = :now, last_error = :error, claimed_by = NULL,
                            next_attempt_at = NULL, html_body = NULL, text_body = NULL
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("now", Timestamp.from(now))
                .param("error", truncate(error))
                .update() == 1;
    }

    /** Gives a claimed mail back unattempted (its sender is stopping): due at once, its attempt not counted. */
    void release(UUID id, UUID claim, Instant now) {
        jdbc.sql("""
                        UPDATE notification SET claimed_by = NULL, next_attempt_at = :now, attempts = attempts - 1
                        WHERE id = :id AND claimed_by = :claim""")
                .param("id", id).param("claim", claim).param("now", Timestamp.from(now))
                .update();
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
        return jdbc.sql("SELECT count(*) FROM notification WHERE status = 'pending'").query(Long.class).single();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static ClaimedMail claimedMail(ResultSet row, int number) throws SQLException {
        return new ClaimedMail(row.getObject("id", UUID.class), row.getString("kind"), row.getString("recipient"),
                row.getString("language"), row.getString("subject"), row.getString("html_body"),
                row.getString("text_body"), row.getInt("attempts"), row.getBoolean("lease_expired"));
    }
}
