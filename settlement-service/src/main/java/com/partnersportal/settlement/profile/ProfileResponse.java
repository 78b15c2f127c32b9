package com.partnersportal.settlement.profile;

import com.partnersportal.kit.money.WireMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A legal entity's settlement profile as operators see it (the IBAN masked, as everywhere). */
record ProfileResponse(
        UUID legalEntityId,
        UUID merchantId,
        boolean registered,
        String legalNameEn,
        String legalNameAr,
        String countryCode,
        String currency,
        String commercialRegistration,
        String vatNumber,
        boolean vatNumberValid,
        String address,
        String cycle,
        String timeZone,
        List<Fee> fees,
        BigDecimal vatRate,
        Bank bankAccount,
        LocalDate openPeriodStart,
        Instant openPeriodEndsAt,
        Instant invoicingMonthEndsAt) {

    record Fee(String currency, BigDecimal percentage, WireMoney fixedAmount) {
    }

    record Bank(String ibanMasked, String bankName, String accountHolder) {
    }

    static ProfileResponse of(SettlementProfile p, List<FeeRate> fees, BigDecimal vatRate) {
        BankAccount bank = p.bankAccount();
        return new ProfileResponse(p.legalEntityId(), p.merchantId(), p.registered(), p.legalNameEn(), p.legalNameAr(),
                p.countryCode(), p.currency(), p.commercialRegistration(), p.vatNumber(),
                VatNumbers.isValidKsa(p.vatNumber()), p.address(), p.cycle().wireName(), p.timeZone().getId(),
                fees.stream().map(f -> new Fee(f.currency().name(), f.plainPercentage(),
                        new WireMoney(f.fixedAmount(), f.currency().name()))).toList(),
                vatRate, bank.iban() == null ? null : new Bank(bank.maskedIban(), bank.bankName(), bank.accountHolder()),
                p.periodStart().atZone(p.timeZone()).toLocalDate(), p.periodEnd(), p.invoiceMonthEnd());
    }
}
