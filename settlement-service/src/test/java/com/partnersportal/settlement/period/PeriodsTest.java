package com.partnersportal.settlement.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");

    @Test
    void aWeekRunsFromMondayMidnightInTheEntitysTimeZone() {
        // Sunday 2026-11-29 23:59:59 in Riyadh is 20:59:59 UTC; Monday 00:00 Riyadh is Sunday 21:00 UTC.
        Instant lastSecond = Instant.parse("2026-11-29T20:59:59Z");
        Instant midnight = Instant.parse("2026-11-29T21:00:00Z");

        assertThat(Periods.startContaining(lastSecond, Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(Periods.startContaining(midnight, Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY)).isEqualTo(midnight);
        assertThat(Periods.endAfter(Instant.parse("2026-11-22T21:00:00Z"), Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY))
                .isEqualTo(midnight);
    }

    @Test
    void theSameInstantFallsInDifferentWeeksInDifferentTimeZones() {
        // 20:30 UTC on Sunday: still Sunday in Riyadh (23:30), already Monday in Dubai (00:30).
        Instant at = Instant.parse("2026-11-29T20:30:00Z");
        assertThat(Periods.startContaining(at, Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(Periods.startContaining(at, Cycle.WEEKLY, DUBAI, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-11-29T20:00:00Z"));
    }

    @Test
    void aDailyPeriodEndsAtTheNextLocalMidnight() {
        Instant start = Instant.parse("2026-11-24T21:00:00Z");
        assertThat(Periods.endAfter(start, Cycle.DAILY, RIYADH, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
    }

    @Test
    void aPeriodStartedMidWeekAfterASwitchEndsAtTheNextWeekStart() {
        Instant wednesday = Instant.parse("2026-11-24T21:00:00Z");
        assertThat(Periods.endAfter(wednesday, Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
    }

    @Test
    void daylightSavingTimeDoesNotShiftMidnight() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant start = Instant.parse("2026-03-22T23:00:00Z");
        assertThat(Periods.endAfter(start, Cycle.WEEKLY, berlin, DayOfWeek.MONDAY))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void monthsAreCutAtMidnightOfTheFirstDay() {
        Instant at = Instant.parse("2026-11-30T20:59:59Z");
        assertThat(Periods.monthStartContaining(at, RIYADH)).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(Periods.monthEndAfter(at, RIYADH)).isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(Periods.monthEndAfter(Instant.parse("2026-11-30T21:00:00Z"), RIYADH))
                .isEqualTo(Instant.parse("2026-12-31T21:00:00Z"));
    }
}
