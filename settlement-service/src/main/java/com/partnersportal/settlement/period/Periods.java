package com.partnersportal.settlement.period;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Settlement periods and invoicing months, cut at midnight in the legal entity's own time zone. A period runs from
 * its start (inclusive) to the next boundary (exclusive): the next day for a daily cycle, the next
 * {@code weekStartsOn} for a weekly one.
 */
public final class Periods {

    private Periods() {
    }

    /** The start of the period that contains the instant. */
    public static Instant startContaining(Instant at, Cycle cycle, ZoneId zone, DayOfWeek weekStartsOn) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate start = cycle == Cycle.DAILY ? day : day.with(TemporalAdjusters.previousOrSame(weekStartsOn));
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first boundary strictly after the local day of {@code start}: where the period that starts there ends. */
    public static Instant endAfter(Instant start, Cycle cycle, ZoneId zone, DayOfWeek weekStartsOn) {
        LocalDate day = start.atZone(zone).toLocalDate();
        LocalDate next = cycle == Cycle.DAILY ? day.plusDays(1) : day.with(TemporalAdjusters.next(weekStartsOn));
        return next.atStartOfDay(zone).toInstant();
    }

    /** Midnight of the first day of the month that contains the instant. */
    public static Instant monthStartContaining(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /** Midnight of the first day of the month after the one that contains the instant. */
    public static Instant monthEndAfter(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    }
}
