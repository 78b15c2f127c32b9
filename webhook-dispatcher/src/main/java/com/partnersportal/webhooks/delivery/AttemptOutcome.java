package com.partnersportal.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to record, by the replica that holds the message's lease.
 *
 * @param nextDelay empty when the message has failed for good (or succeeded)
 */
record Outcome(Claimed message, String claimant, AttemptResult result, Optional<Duration> nextDelay) {

    static final String DELIVERED = "delivered";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    /** The message's status once this is recorded: 410 fails it at once whatever attempts are left. */
    String status() {
        if (result.succeeded()) {
            return DELIVERED;
        }
        return nextDelay.isPresent() && !AttemptResult.GONE.equals(result.outcome()) ? PENDING : FAILED;
    }

    /** When a message still pending is tried next; null for one that is finished. */
    Instant nextAttemptAt(Instant now) {
        return PENDING.equals(status()) ? now.plus(nextDelay.orElseThrow()) : null;
    }

    int attemptNumber() {
        return message.attempts() + 1;
    }
}
