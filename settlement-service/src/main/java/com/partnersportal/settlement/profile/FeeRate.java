package com.partnersportal.settlement.profile;

import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the provider charges per captured order in one currency: {@code percentage} of the captured amount plus
 * {@code fixedAmount} once per order.
 */
public record FeeRate(Currency currency, BigDecimal percentage, BigDecimal fixedAmount) {

    public FeeRate {
        percentage = percentage.setScale(4, RoundingMode.UNNECESSARY);
        fixedAmount = fixedAmount.setScale(currency.scale(), RoundingMode.UNNECESSARY);
    }

    /** The percentage as people write it: 2.5, 3. */
    public BigDecimal plainPercentage() {
        BigDecimal plain = percentage.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
