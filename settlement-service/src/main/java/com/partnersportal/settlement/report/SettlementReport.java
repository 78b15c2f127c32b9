package com.partnersportal.settlement.report;

import com.partnersportal.settlement.period.Cycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One closed period of one legal entity in one currency. Its lines are those whose {@code settle_at} falls in
 * [{@code periodStart}, {@code periodEnd}); its totals are their sums, frozen at closing. Only the payout fields move.
 */
public record SettlementReport(
        UUID id,
        String settlementReference,
        UUID merchantId,
        UUID legalEntityId,
        String currency,
        Cycle cycle,
        ZoneId timeZone,
        Instant periodStart,
        Instant periodEnd,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDate statementDate,
        long lineCount,
        BigDecimal totalSales,
        BigDecimal totalRefunds,
        BigDecimal totalFees,
        BigDecimal totalVat,
        BigDecimal carriedForward,
        BigDecimal netPayable,
        ReportStatus status,
        LocalDate expectedPayoutDate,
        String payoutReference,
        Instant payoutSentAt,
        Instant settledAt,
        Instant createdAt) {
}
