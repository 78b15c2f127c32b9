package com.partnersportal.settlement.profile;

import com.partnersportal.settlement.period.Cycle;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A legal entity's settlement terms and where its settlement stands: the open period [{@code periodStart},
 * {@code periodEnd}) and the fees not yet invoiced since {@code invoiceFrom}, in the month ending
 * {@code invoiceMonthEnd}.
 *
 * @param registered false while the entity is known only from an order event, not yet from identity
 */
public record SettlementProfile(
        UUID legalEntityId,
        UUID merchantId,
        boolean registered,
        String legalNameEn,
        String legalNameAr,
        String countryCode,
        String currency,
        String commercialRegistration,
        String vatNumber,
        String address,
        ZoneId timeZone,
        Cycle cycle,
        BankAccount bankAccount,
        Instant periodStart,
        Instant periodEnd,
        Instant invoiceFrom,
        Instant invoiceMonthEnd) {

    /** Entities that sell in KSA get monthly tax invoices for the provider's fees. */
    public boolean sellsInKsa() {
        return "SA".equals(countryCode);
    }
}
