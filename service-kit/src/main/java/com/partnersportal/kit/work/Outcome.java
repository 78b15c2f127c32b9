package com.partnersportal.kit.work;

import java.time.Instant;

/**
 * An attempt's outcome as the worker hands it to {@link WorkQueue#recordAll}, under the lease that claimed the work.
 *
 * @param next   when to try again ({@link Status#RETRY} only)
 * @param report what the queue's {@link WorkQueue#attempt} reported with it (null after an exception)
 */
public record Outcome<T>(Claimed<T> work, Lease lease, Status status, Instant next, String error, Object report) {

    public enum Status { SUCCEEDED, RETRY, GIVE_UP }

    /** The queue's own report, as the type it made it. */
    public <R> R reportAs(Class<R> type) {
        return type.cast(report);
    }
}
