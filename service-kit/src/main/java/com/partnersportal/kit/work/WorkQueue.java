package com.partnersportal.kit.work;

import java.time.Instant;
import java.util.List;

/**
 * A table of claimed background work, as {@link DurableWorker} drives it. The queue owns its SQL and its rows'
 * meaning (a mail, an export, a lookup); the worker owns the loop, the lease, the backoff, giving up, the metrics
 * and stopping. Every write that records an outcome names the lease, so a holder whose lease ran out records nothing.
 */
public interface WorkQueue<T> {

    /**
     * Claims up to {@code limit} due pieces of work (due: waiting and due, or held under a lease that ended) for
     * {@code lease}, counting the attempt, so that no other worker takes them until {@code lease.until()}.
     * Usually one {@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) ... RETURNING} statement.
     */
    List<Claimed<T>> claim(Lease lease, int limit);

    /**
     * Does the work and records its success under the lease. Throws to fail the attempt.
     *
     * @return false when the success could not be recorded because the lease had ended (someone else may repeat it)
     */
    boolean process(Claimed<T> work, Lease lease) throws Exception;

    /** Records a failed attempt and when to try again; false when the lease had ended. */
    boolean retry(Claimed<T> work, Lease lease, Instant next, String error);

    /** Gives the work up for good (failed, dead); false when the lease had ended. */
    boolean giveUp(Claimed<T> work, Lease lease, String error);

    /** Whether a failure can never succeed on a later attempt, so the work is given up at once. */
    default boolean permanent(Exception failure) {
        return false;
    }

    /** The failure as stored with the work and logged. */
    default String error(Exception failure) {
        return failure.toString();
    }

    /** Gives claimed work back unattempted (the worker is stopping), due at once and its attempt not counted. */
    default void release(Claimed<T> work, Lease lease) {
        // By default the lease simply ends and the work is claimed again then.
    }

    /**
     * Gives up work whose last attempt was claimed but never reported (its holder died) and whose lease has ended,
     * where trying once more could do it twice. Returns how many were given up.
     */
    default int giveUpAbandoned(Instant now, int maxAttempts) {
        return 0;
    }

    /** How the logs name one piece of work. */
    default String describe(T item) {
        return String.valueOf(item);
    }
}
