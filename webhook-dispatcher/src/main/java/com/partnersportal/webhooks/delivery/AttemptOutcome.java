package com.partnersportal.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to record, by the replica that holds the message's lease.
 *
 * @param status delivered, pending (tried again at {@code next}) or failed
 * @param next   when a message still pending is tried next; null for one that is finished
 */
record AttemptOutcome(ClaimedMessage message, String claimant, AttemptResult result, String status, Instant next) {

    static final String DELIVERED = "delivered";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    /** The outcome of an attempt whose next delay is known: 410 fails it at once whatever attempts are left. */
    static AttemptOutcome after(ClaimedMessage message, String claimant, AttemptResult result, Optional<Duration> nextDelay,
            Instant now) {
        if (result.succeeded()) {
            return new AttemptOutcome(message, claimant, result, DELIVERED, null);
        }
        return nextDelay.isPresent() && !AttemptResult.GONE.equals(result.outcome())
                ? new AttemptOutcome(message, claimant, result, PENDING, now.plus(nextDelay.get()))
                : new AttemptOutcome(message, claimant, result, FAILED, null);
    }

    int attemptNumber() {
        return message.attempts() + 1;
    }
}
