package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.work.RetrySchedule;
import com.partnersportal.webhooks.settings.WebhookProperties;
import java.time.Duration;
import java.util.Optional;

/**
 * When the next attempt goes: the schedule's delay for it, varied by the jitter (+-20 % by default) so that many
 * failures at once do not come back at once; or the receiver's Retry-After, up to the configured bound.
 * Empty once the schedule is spent: the message has failed.
 */
final class RetryPolicy {

    private final WebhookProperties properties;

    RetryPolicy(WebhookProperties properties) {
        this.properties = properties;
    }

    /** @param attemptsMade attempts made so far, the failed one included */
    Optional<Duration> nextDelay(int attemptsMade, Duration retryAfter) {
        if (attemptsMade >= properties.retrySchedule().size()) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return Optional.of(retryAfter.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : retryAfter);
        }
        return Optional.of(RetrySchedule.jittered(properties.retrySchedule().get(attemptsMade), properties.jitter()));
    }
}
