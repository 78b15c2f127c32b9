package com.partnersportal.settlement.profile;

import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.settlement}: the terms a legal entity starts with until an operator changes them, VAT on fees by
 * country, and when weeks start and payouts are expected.
 *
 * @param defaultFees     fee per captured order by currency, for entities an operator has not priced yet
 * @param vatRates        VAT on the provider's fees by the entity's country, in percent (15 in KSA)
 * @param timeZones       business time zone by country, when identity's event names none
 * @param payoutDelayDays days from the statement date to the expected payout
 */
@ConfigurationProperties("portal.settlement")
public record SettlementProperties(
        @DefaultValue("MONDAY") DayOfWeek weekStartsOn,
        @DefaultValue("2") int payoutDelayDays,
        Map<String, FeeDefault> defaultFees,
        Map<String, BigDecimal> vatRates,
        Map<String, String> timeZones) {

    public record FeeDefault(BigDecimal percentage, BigDecimal fixedAmount) {
    }

    public SettlementProperties {
        defaultFees = upperCaseKeys(defaultFees);
        vatRates = upperCaseKeys(vatRates);
        timeZones = upperCaseKeys(timeZones);
    }

    public BigDecimal vatRate(String countryCode) {
        return vatRates.getOrDefault(countryCode, BigDecimal.ZERO);
    }

    public ZoneId timeZone(String countryCode) {
        return ZoneId.of(timeZones.getOrDefault(countryCode, "Asia/Riyadh"));
    }

    public FeeRate defaultFee(Currency currency) {
        FeeDefault fee = defaultFees.get(currency.name());
        return fee == null ? new FeeRate(currency, BigDecimal.ZERO, BigDecimal.ZERO)
                : new FeeRate(currency, fee.percentage(), fee.fixedAmount());
    }

    /** Environment variables arrive lower-cased; YAML keeps what was written. */
    private static <V> Map<String, V> upperCaseKeys(Map<String, V> map) {
        Map<String, V> upper = new TreeMap<>();
        if (map != null) {
            map.forEach((key, value) -> upper.put(key.toUpperCase(Locale.ROOT), value));
        }
        return Map.copyOf(upper);
    }
}
