package com.partnersportal.notification.delivery;

import java.time.Duration;

/**
 * Exponential backoff between delivery attempts: {@code initial}, then {@code multiplier} times longer each time,
 * never more than {@code max}; after {@code maxAttempts} attempts a mail is given up. The next attempt's time is
 * stored with the mail, so the schedule survives restarts and any replica may make the next attempt.
 */
public record RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max) {

    /** How long to wait after the given number of attempts (1 = the first) have failed. */
    public Duration delayAfter(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
