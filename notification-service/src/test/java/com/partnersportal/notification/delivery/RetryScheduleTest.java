package com.partnersportal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.kit.work.RetrySchedule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new DeliveryProperties(10, Duration.ofSeconds(15), 2.0, Duration.ofMinutes(30),
            null, null, null).retrySchedule();

    @Test
    void waitsGrowExponentiallyUpToTheLongestWait() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(8)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(60)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMailIsGivenUpAfterItsLastAttempt() {
        assertThat(schedule.exhausted(9)).isFalse();
        assertThat(schedule.exhausted(10)).isTrue();
    }

    @Test
    void theDefaultsGiveAMailAboutAnHourAndAHalfOfRetries() {
        RetrySchedule defaults = new DeliveryProperties(null, null, null, null, null, null, null).retrySchedule();
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            total = total.plus(defaults.delayAfter(attempt));
        }
        assertThat(total).isBetween(Duration.ofMinutes(80), Duration.ofMinutes(100));
    }
}
