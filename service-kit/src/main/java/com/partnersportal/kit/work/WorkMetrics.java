package com.partnersportal.kit.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The same meters for every background worker, tagged {@code work=<name>}: {@code portal_work_claimed_total},
 * {@code portal_work_succeeded_total}, {@code portal_work_retried_total}, {@code portal_work_gave_up_total},
 * {@code portal_work_lease_expirations_total} (work claimed again because its holder's lease ran out) and the timer
 * {@code portal_work_batch_duration_seconds} (one pass over a claimed batch).
 */
public final class WorkMetrics {

    private final Counter claimed;
    private final Counter succeeded;
    private final Counter retried;
    private final Counter gaveUp;
    private final Counter leaseExpirations;
    private final Timer batchDuration;

    public WorkMetrics(String work, MeterRegistry meters) {
        claimed = counter("portal.work.claimed", "Pieces of work claimed for an attempt", work, meters);
        succeeded = counter("portal.work.succeeded", "Attempts that succeeded and were recorded", work, meters);
        retried = counter("portal.work.retried", "Attempts that failed and were scheduled again", work, meters);
        gaveUp = counter("portal.work.gave.up", "Work given up after its last attempt or a permanent failure", work,
                meters);
        leaseExpirations = counter("portal.work.lease.expirations",
                "Work claimed again (or given up) because its holder's lease ran out", work, meters);
        batchDuration = Timer.builder("portal.work.batch.duration").description("One pass over a claimed batch")
                .tag("work", work).register(meters);
    }

    private static Counter counter(String name, String description, String work, MeterRegistry meters) {
        return Counter.builder(name).description(description).tag("work", work).register(meters);
    }

    public void claimed(int count) {
        claimed.increment(count);
    }

    public void succeeded(int count) {
        succeeded.increment(count);
    }

    public void retried() {
        retried.increment();
    }

    public void gaveUp(int count) {
        gaveUp.increment(count);
    }

    public void leaseExpired(int count) {
        leaseExpirations.increment(count);
    }

    public Timer batchDuration() {
        return batchDuration;
    }
}
