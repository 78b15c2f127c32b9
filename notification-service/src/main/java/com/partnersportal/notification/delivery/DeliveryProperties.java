package com.partnersportal.notification.delivery;

import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.RetrySchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.notification.delivery.*}: how pending mails are sent and retried. Recipient lookups
 * ({@code recipients}) are retried on the same schedule.
 *
 * @param maxAttempts    attempts per mail, the first included, before it is given up as failed
 * @param initialBackoff wait after the first failed attempt; each further one waits {@code multiplier} times longer
 *                       (each varied by +-20 %)
 * @param maxBackoff     the longest wait between two attempts
 * @param pollInterval   pause between two passes of a sender that found nothing due
 * @param batchSize      mails a sender claims per pass
 * @param lease          how long a claim holds; a sender that stops mid-pass leaves its mails to be claimed again
 *                       after it. Keep it well above {@code batchSize} times the SMTP connection and read timeouts.
 */
@ConfigurationProperties("portal.notification.delivery")
public record DeliveryProperties(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
        Duration pollInterval, Integer batchSize, Duration lease) {

    public DeliveryProperties {
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(15) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 10 : batchSize;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        if (maxAttempts < 1 || batchSize < 1 || multiplier < 1.0 || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0 || !pollInterval.isPositive() || !lease.isPositive()) {
            throw new IllegalArgumentException("portal.notification.delivery: max-attempts and batch-size must be at"
                    + " least 1, multiplier at least 1, max-backoff at least initial-backoff, poll-interval and lease positive");
        }
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(maxAttempts, initialBackoff, multiplier, maxBackoff);
    }

    /** The kit worker's settings; stopping waits up to 20 s for the mail under way. */
    public DurableWorker.Settings worker() {
        return new DurableWorker.Settings(pollInterval, batchSize, lease, Duration.ofSeconds(20));
    }
}
