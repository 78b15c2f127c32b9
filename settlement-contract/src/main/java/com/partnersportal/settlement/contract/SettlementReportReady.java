package com.partnersportal.settlement.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A legal entity's settlement period closed and its report is frozen: what will be paid (or carried forward) and
 * where to download the lines. Published on {@link SettlementTopics#SETTLEMENT_EVENTS}, keyed by report id.
 *
 * @param periodStart        the first day of the period, in the entity's time zone
 * @param periodEnd          the last day of the period (inclusive), in the entity's time zone
 * @param netPayable         what the provider owes the merchant for the period; negative when carried forward
 * @param expectedPayoutDate when the payout is expected; null when nothing is paid (net payable not positive)
 * @param csvDownloadUrl     a signed, time-limited link to the report's CSV (valid until {@code linkExpiresAt})
 */
public record SettlementReportReady(
        UUID reportId,
        UUID merchantId,
        UUID legalEntityId,
        String legalEntityNameEn,
        String legalEntityNameAr,
        String settlementReference,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate statementDate,
        String timeZone,
        Money totalSales,
        Money totalRefunds,
        Money totalFees,
        Money totalVat,
        Money carriedForward,
        Money netPayable,
        String status,
        LocalDate expectedPayoutDate,
        long lineCount,
        String csvDownloadUrl,
        Instant linkExpiresAt,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.settlement.settlement-report-ready.v1";
}
