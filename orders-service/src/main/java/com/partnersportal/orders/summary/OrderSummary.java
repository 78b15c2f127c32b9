package com.partnersportal.orders.summary;

import com.partnersportal.kit.money.WireMoney;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The home page's figures. Days and weeks are the merchant's (in {@code time_zone}; weeks start on Monday, as
 * settlement weeks do). Per currency: orders the customer approved (and did not let expire), their total (sales),
 * and the captures, refunds and cancels made in the period, whenever their order was placed.
 */
public record OrderSummary(
        String timeZone,
        LocalDate today,
        LocalDate weekStart,
        List<Figures> todayFigures,
        List<Figures> weekFigures,
        NeedsAction needsAction,
        List<Week> weeks) {

    public record Figures(String currency, long orders, WireMoney sales, WireMoney captures, WireMoney refunds,
            WireMoney cancels) {
    }

    public record Week(LocalDate weekStart, List<Figures> figures) {
    }

    /** Approved but not yet authorised, authorised but not captured, and approvals that expire within a day. */
    public record NeedsAction(Group awaitingAuthorisation, Group awaitingCapture, Expiring expiringSoon) {
    }

    public record Group(long count, List<WireMoney> amounts) {
    }

    public record Expiring(long count, Instant before) {
    }
}
