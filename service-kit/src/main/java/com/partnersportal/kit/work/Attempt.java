package com.partnersportal.kit.work;

import java.time.Duration;

/**
 * How one attempt went, as {@link WorkQueue#attempt} reports it for the worker to record. A queue whose
 * {@code process} records its own success reports {@link #recorded}; a queue that records outcomes in batches
 * ({@link WorkQueue#recordAll}) reports what happened and a {@code report} of its own (the receiver's answer, say),
 * which comes back to it in the {@link Outcome}.
 *
 * @param requestedWait a wait the work asked for before its next attempt (a receiver's Retry-After), or null for the
 *             schedule's
 */
public record Attempt(Kind kind, String error, Duration requestedWait, Object report) {

    public enum Kind {
        /** Done and recorded by the queue itself. */
        RECORDED,
        /** Done, but the lease had ended when the queue recorded it: someone else may repeat it. */
        LEASE_LOST,
        /** Done; the worker records the success. */
        SUCCEEDED,
        /** Failed; the worker retries it by the schedule or gives it up after the last attempt. */
        FAILED,
        /** Failed in a way no later attempt can mend; the worker gives it up. */
        FAILED_FOR_GOOD,
        /** Not attempted after all and given back by the queue (a parked receiver, say); nothing to record. */
        GIVEN_BACK
    }

    public static Attempt recorded(boolean recorded) {
        return new Attempt(recorded ? Kind.RECORDED : Kind.LEASE_LOST, null, null, null);
    }

    public static Attempt succeeded(Object report) {
        return new Attempt(Kind.SUCCEEDED, null, null, report);
    }

    public static Attempt failed(String error, Duration requestedWait, Object report) {
        return new Attempt(Kind.FAILED, error, requestedWait, report);
    }

    public static Attempt failedForGood(String error, Object report) {
        return new Attempt(Kind.FAILED_FOR_GOOD, error, null, report);
    }

    public static Attempt givenBack() {
        return new Attempt(Kind.GIVEN_BACK, null, null, null);
    }
}
