package com.partnersportal.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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

    @Test
    void aFixedListIsWaitedInTurnAndItsLengthIsTheNumberOfAttempts() {
        RetrySchedule svix = RetrySchedule.fixed(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10)), 0.2);
        assertThat(svix.maxAttempts()).isEqualTo(8);
        assertThat(svix.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(svix.delayAfter(3)).isEqualTo(Duration.ofMinutes(30));
        for (int i = 0; i < 1000; i++) {
            assertThat(svix.jitteredDelayAfter(2)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        }
        assertThat(svix.nextDelay(7, null)).isPresent();
        assertThat(svix.nextDelay(8, null)).isEmpty();
    }

    @Test
    void aWaitTheWorkAsksForReplacesTheSchedulesButNotItsEnd() {
        assertThat(schedule.nextDelay(1, Duration.ofSeconds(42))).contains(Duration.ofSeconds(42));
        assertThat(schedule.nextDelay(5, Duration.ofSeconds(42))).isEmpty();
    }
}
