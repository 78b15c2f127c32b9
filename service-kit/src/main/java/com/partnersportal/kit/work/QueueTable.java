package com.partnersportal.kit.work;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lease statements of a queue table of the kit's shape (ADR 26): {@code id}, {@code status} ('pending' while
 * waiting or held), {@code attempts}, {@code next_attempt_at} (when it is due; while held, its lease's end),
 * {@code claimed_by} (the lease that holds it) and {@code last_error}. A queue adds its own columns to what a claim
 * returns and its own outcome columns; every outcome is written only under the lease that holds the row.
 */
public final class QueueTable {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final String table;

    /** {@code table} is a constant of the queue's code, never input. */
    public QueueTable(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Claims up to {@code limit} due rows for the lease, oldest due first, counting the attempt.
     *
     * @param alsoSet   more assignments of the claim (may use {@code :now}, the lease's start), or empty
     * @param alsoWhere more conditions on the due rows, or empty
     * @param params    the parameters {@code alsoSet} and {@code alsoWhere} name
     * @param returning the columns the row mapper reads, each as {@code q.column}
     */
    public <T> List<Claimed<T>> claim(Lease lease, int limit, String alsoSet, String alsoWhere, Map<String, ?> params,
            String returning, RowMapper<T> rows) {
        return jdbc.sql("""
                        UPDATE %1$s q
                        SET claimed_by = :claim, next_attempt_at = :leaseEnd, attempts = q.attempts + 1 %2$s
                        FROM (SELECT id, claimed_by AS previous FROM %1$s
                              WHERE status = 'pending' AND next_attempt_at <= :now %3$s
                              ORDER BY next_attempt_at
                              LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE q.id = due.id
                        RETURNING %4$s, q.attempts, due.previous IS NOT NULL AS lease_expired"""
                        .formatted(table, alsoSet.isEmpty() ? "" : ", " + alsoSet,
                                alsoWhere.isEmpty() ? "" : "AND " + alsoWhere, returning))
                .param("claim", lease.id())
                .param("now", Timestamp.from(lease.start()))
                .param("leaseEnd", Timestamp.from(lease.until()))
                .param("limit", limit)
                .params(params)
                .query((row, number) -> new Claimed<>(rows.mapRow(row, number), row.getInt("attempts"),
                        row.getBoolean("lease_expired")))
                .list();
    }

    public <T> List<Claimed<T>> claim(Lease lease, int limit, String returning, RowMapper<T> rows) {
        return claim(lease, limit, "", "", Map.of(), returning, rows);
    }

    /**
     * Records the row's last outcome and lets it go: {@code set} says what the outcome is (it may use {@code :now}
     * and {@code params}); false when the lease had ended.
     */
    public boolean finish(UUID id, Lease lease, Instant now, String set, Map<String, ?> params) {
        return jdbc.sql("UPDATE %s SET %s, claimed_by = NULL, next_attempt_at = NULL WHERE id = :id AND claimed_by = :claim"
                        .formatted(table, set))
                .param("id", id).param("claim", lease.id()).param("now", Timestamp.from(now))
                .params(params)
                .update() == 1;
    }

    /** Gives the row up as failed with its error; {@code alsoSet} clears what a failed row must not keep, or empty. */
    public boolean fail(UUID id, Lease lease, Instant now, String error, String alsoSet) {
        return finish(id, lease, now, "status = 'failed', failed_at = :now, last_error = :error"
                + (alsoSet.isEmpty() ? "" : ", " + alsoSet), Map.of("error", truncated(error)));
    }

    /** Records a failed attempt and when the row is due again; false when the lease had ended. */
    public boolean retry(UUID id, Lease lease, Instant next, String error) {
        return jdbc.sql("UPDATE %s SET next_attempt_at = :next, last_error = :error, claimed_by = NULL WHERE id = :id AND claimed_by = :claim"
                        .formatted(table))
                .param("id", id).param("claim", lease.id()).param("next", Timestamp.from(next))
                .param("error", truncated(error))
                .update() == 1;
    }

    /** Gives a held row back unattempted (its worker is stopping): due at once, its attempt not counted. */
    public void release(UUID id, Lease lease) {
        jdbc.sql("UPDATE %s SET claimed_by = NULL, next_attempt_at = :now, attempts = attempts - 1 WHERE id = :id AND claimed_by = :claim"
                        .formatted(table))
                .param("id", id).param("claim", lease.id()).param("now", Timestamp.from(lease.start()))
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM %s WHERE status = 'pending'".formatted(table)).query(Long.class).single();
    }

    /** An error as stored: at most 2,000 characters. */
    public static String truncated(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
