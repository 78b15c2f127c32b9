package com.partnersportal.kit.work;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits between attempts, either exponential ({@code initial}, then {@code multiplier} times longer each time,
 * never more than {@code max}) or a fixed list ({@link #fixed}: Svix's 0 s, 5 s, 5 min, ...), each wait varied by up
 * to {@code jitter} either way (0.2 = +-20 %) so that work that failed together does not come due together; after
 * {@code maxAttempts} attempts the work is given up. The next attempt's time is stored with the work, so the schedule
 * survives restarts and any replica may make the next attempt.
 *
 * @param steps empty for an exponential schedule; otherwise the delay before each attempt, the first one's (normally
 *              zero) first, and as many attempts as there are steps
 */
public record RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter,
        List<Duration> steps) {

    public static final double DEFAULT_JITTER = 0.2;

    public RetrySchedule {
        steps = List.copyOf(steps);
        if (maxAttempts < 1 || multiplier < 1.0 || initial.isNegative() || max.compareTo(initial) < 0
                || jitter < 0 || jitter >= 1 || !steps.isEmpty() && steps.size() != maxAttempts) {
            throw new IllegalArgumentException("retry schedule: max-attempts at least 1, multiplier at least 1, max at"
                    + " least initial, jitter in [0, 1)");
        }
    }

    public RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter) {
        this(maxAttempts, initial, multiplier, max, jitter, List.of());
    }

    public RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max) {
        this(maxAttempts, initial, multiplier, max, DEFAULT_JITTER);
    }

    /**
     * A schedule of fixed waits: {@code delays.get(0)} before the first attempt (the worker does not use it: work is
     * due when it is made), {@code delays.get(n)} after the n-th failed attempt, given up after {@code delays.size()}
     * attempts.
     */
    public static RetrySchedule fixed(List<Duration> delays, double jitter) {
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry schedule: at least one delay, none negative");
        }
        return new RetrySchedule(delays.size(), delays.getFirst(), 1.0, Collections.max(delays), jitter, delays);
    }

    /** The nominal wait after the given number of attempts (1 = the first) have failed, before jitter. */
    public Duration delayAfter(int failedAttempts) {
        if (!steps.isEmpty()) {
            return steps.get(Math.clamp(failedAttempts, 0, steps.size() - 1));
        }
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

    /**
     * The wait before the next attempt once {@code failedAttempts} attempts have failed, or empty when that was the
     * last one. {@code requested} (a receiver's Retry-After, already bounded by the caller) replaces the schedule's
     * wait when given, unjittered: it names a time.
     */
    public Optional<Duration> nextDelay(int failedAttempts, Duration requested) {
        if (exhausted(failedAttempts)) {
            return Optional.empty();
        }
        return Optional.of(requested != null ? requested : jitteredDelayAfter(failedAttempts));
    }
}
