package com.partnersportal.settlement.report;

import com.partnersportal.kit.money.WireMoney;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement report as the portal and operators see it. {@code period_start}/{@code period_end} are the first and
 * last local days of the period; {@code period_starts_at}/{@code period_ends_at} the exact instants (end exclusive).
 */
public record ReportView(
        UUID reportId,
        String settlementReference,
        UUID merchantId,
        UUID legalEntityId,
        String currency,
        String cycle,
        String timeZone,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant periodStartsAt,
        Instant periodEndsAt,
        LocalDate statementDate,
        long lineCount,
        WireMoney totalSales,
        WireMoney totalRefunds,
        WireMoney totalFees,
        WireMoney totalVat,
        WireMoney carriedForward,
        WireMoney netPayable,
        String status,
        LocalDate expectedPayoutDate,
        String payoutReference,
        Instant payoutSentAt,
        Instant settledAt,
        Instant createdAt) {

    public static ReportView of(SettlementReport r) {
        String c = r.currency();
        return new ReportView(r.id(), r.settlementReference(), r.merchantId(), r.legalEntityId(), c,
                r.cycle().wireName(), r.timeZone().getId(), r.firstDay(), r.lastDay(), r.periodStart(), r.periodEnd(),
                r.statementDate(), r.lineCount(), WireMoney.of(r.totalSales(), c), WireMoney.of(r.totalRefunds(), c),
                WireMoney.of(r.totalFees(), c), WireMoney.of(r.totalVat(), c), WireMoney.of(r.carriedForward(), c),
                WireMoney.of(r.netPayable(), c), r.status().wireName(), r.expectedPayoutDate(), r.payoutReference(),
                r.payoutSentAt(), r.settledAt(), r.createdAt());
    }
}
