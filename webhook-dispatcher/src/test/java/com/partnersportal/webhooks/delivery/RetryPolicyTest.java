package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.kit.work.RetrySchedule;
import com.partnersportal.webhooks.settings.WebhookProperties;
import java.time.Duration;
import java.util.List;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final WebhookProperties defaults = new WebhookProperties(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);
    /** The kit worker's schedule as the dispatcher configures it: Svix's list, jittered. */
    private final RetrySchedule policy = defaults.retries();

    @Test
    void theDefaultScheduleIsSvixsWithTwentyPercentJitter() {
        assertThat(defaults.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        for (int i = 0; i < 1000; i++) {
            Duration afterFirst = policy.nextDelay(1, null).orElseThrow();
            assertThat(afterFirst).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
            Duration afterFourth = policy.nextDelay(4, null).orElseThrow();
            assertThat(afterFourth).isBetween(Duration.ofMinutes(96), Duration.ofMinutes(144));
        }
        assertThat(policy.nextDelay(7, null)).isPresent();
        assertThat(policy.nextDelay(8, null)).as("eight attempts, then the message has failed").isEmpty();
    }

    @Test
    void retryAfterIsHonouredUpToItsBound() {
        assertThat(policy.nextDelay(1, defaults.boundedRetryAfter(Duration.ofSeconds(42)))).contains(Duration.ofSeconds(42));
        assertThat(policy.nextDelay(1, defaults.boundedRetryAfter(Duration.ofDays(3)))).contains(Duration.ofHours(1));
        assertThat(policy.nextDelay(8, defaults.boundedRetryAfter(Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(Sender.retryAfter(new BasicHeader("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(Sender.retryAfter(new BasicHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))).isEqualTo(Duration.ZERO);
        assertThat(Sender.retryAfter(new BasicHeader("Retry-After", "soon"))).isNull();
        assertThat(Sender.retryAfter(null)).isNull();
    }

    @Test
    void aConfiguredScheduleIsUsedAsGiven() {
        WebhookProperties custom = new WebhookProperties(List.of(Duration.ZERO, Duration.ofSeconds(10)), 0.0, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(custom.retries().nextDelay(1, null)).contains(Duration.ofSeconds(10));
        assertThat(custom.retries().nextDelay(2, null)).isEmpty();
    }
}
