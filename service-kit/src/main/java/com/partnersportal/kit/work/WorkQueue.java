package com.partnersportal.kit.work;

import java.time.Instant;
import java.util.ArrayList;
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
     * Does the work and records its success under the lease. Throws to fail the attempt. A queue that overrides
     * {@link #attempt} instead need not implement it.
     *
     * @return false when the success could not be recorded because the lease had ended (someone else may repeat it)
     */
    default boolean process(Claimed<T> work, Lease lease) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " implements neither process nor attempt");
    }

    /**
     * Makes one attempt and says how it went; throwing fails it. By default {@link #process}: the work is done and
     * its success recorded at once. A queue that records outcomes in batches reports them here instead and records
     * them in {@link #recordAll}.
     */
    default Attempt attempt(Claimed<T> work, Lease lease) throws Exception {
        return Attempt.recorded(process(work, lease));
    }

    /**
     * Records finished attempts' outcomes, in the order they finished, all in one transaction if the queue likes;
     * says for each whether it was recorded (false: its lease had ended). By default one at a time through
     * {@link #retry} and {@link #giveUp} (a success is recorded by {@link #process}). A batch that throws is offered
     * again outcome by outcome.
     */
    default List<Boolean> recordAll(List<Outcome<T>> outcomes) {
        List<Boolean> recorded = new ArrayList<>(outcomes.size());
        for (Outcome<T> outcome : outcomes) {
            recorded.add(switch (outcome.status()) {
                case RETRY -> retry(outcome.work(), outcome.lease(), outcome.next(), outcome.error());
                case GIVE_UP -> giveUp(outcome.work(), outcome.lease(), outcome.error());
                case SUCCEEDED -> throw new UnsupportedOperationException(
                        getClass().getSimpleName() + " reports successes but does not record them (recordAll)");
            });
        }
        return recorded;
    }

    /**
     * An attempt is over: its outcome is recorded, or the work was given back or its recording failed. A queue that
     * counts the work it holds (room per receiver) frees it here.
     */
    default void finished(Claimed<T> work) {
        // Nothing held by default.
    }

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
