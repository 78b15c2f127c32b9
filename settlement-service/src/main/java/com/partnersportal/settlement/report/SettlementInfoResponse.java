package com.partnersportal.settlement.report;

import com.partnersportal.kit.money.WireMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /portal/v1/settlements/info}: per legal entity the caller may see, the settlement overview — cycle,
 * current unsettled balance, upcoming payment and when it is expected, what is not paid yet, the last settlement, and
 * the bank account (masked).
 */
record SettlementInfoResponse(List<EntityInfo> legalEntities) {

    record EntityInfo(
            UUID legalEntityId,
            String legalNameEn,
            String legalNameAr,
            String countryCode,
            String currency,
            String cycle,
            String timeZone,
            Fee fee,
            BigDecimal vatRate,
            CurrentPeriod currentPeriod,
            WireMoney currentBalance,
            UpcomingPayment upcomingPayment,
            WireMoney notPaidYet,
            LastSettlement lastSettlement,
            BankAccount bankAccount) {
    }

    record Fee(BigDecimal percentage, WireMoney fixedAmount) {
    }

    record CurrentPeriod(LocalDate start, LocalDate end, Instant closesAt) {
    }

    record UpcomingPayment(UUID reportId, String settlementReference, WireMoney amount, LocalDate expectedDate,
            String status) {
    }

    record LastSettlement(UUID reportId, String settlementReference, WireMoney amount, LocalDate settledOn,
            Instant settledAt) {
    }

    record BankAccount(String ibanMasked, String bankName, String accountHolder) {
    }
}
