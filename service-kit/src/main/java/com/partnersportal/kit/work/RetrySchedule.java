package com.partnersportal.kit.work;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between attempts: {@code initial}, then {@code multiplier} times longer each time, never more
 * than {@code max}, each wait varied by up to {@code jitter} either way (0.2 = +-20 %) so that work that failed
 * together does not come due together; after {@code maxAttempts} attempts the work is given up. The next attempt's
 * time is stored with the work, so the schedule survives restarts and any replica may make the next attempt.
 */
public record RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter) {

    public static final double DEFAULT_JITTER = 0.2;

    public RetrySchedule {
        if (maxAttempts < 1 || multiplier < 1.0 || initial.isNegative() || max.compareTo(initial) < 0
                || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry schedule: max-attempts at least 1, multiplier at least 1, max at"
                    + " least initial, jitter in [0, 1)");
        }
    }

    public RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max) {
        this(maxAttempts, initial, multiplier, max, DEFAULT_JITTER);
    }

    /** The nominal wait after the given number of attempts (1 = the first) have failed, before jitter. */
    public Duration delayAfter(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** The wait actually used: {@link #delayAfter} varied at random by up to {@code jitter} either way. */
    public Duration jitteredDelayAfter(int failedAttempts) {
        return jittered(delayAfter(failedAttempts), jitter);
    }

    /** {@code delay} varied at random by up to {@code jitter} either way (0.2 = +-20 %); any schedule's waits use it. */
    public static Duration jittered(Duration delay, double jitter) {
        if (delay.isZero() || jitter <= 0) {
            return delay;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
