package com.partnersportal.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.2);

    @Test
    void eachWaitIsTheExponentialOneVariedByAtMostTheJitter() {
        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.jitteredDelayAfter(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(schedule.jitteredDelayAfter(2)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
            assertThat(schedule.jitteredDelayAfter(9)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        }
    }

    @Test
    void jitterSpreadsWorkThatFailedTogether() {
        assertThat(java.util.stream.IntStream.range(0, 100).mapToObj(i -> schedule.jitteredDelayAfter(1)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void withoutJitterTheWaitIsExact() {
        RetrySchedule exact = new RetrySchedule(5, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0);
        assertThat(exact.jitteredDelayAfter(3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void workIsGivenUpAfterItsLastAttempt() {
        assertThat(schedule.exhausted(4)).isFalse();
        assertThat(schedule.exhausted(5)).isTrue();
    }
}
