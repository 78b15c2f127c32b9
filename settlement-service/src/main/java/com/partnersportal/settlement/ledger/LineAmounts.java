package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;

/**
 * A line's money, signed from the merchant's side, at the currency's scale: {@code net = gross - fee - vat} and
 * {@code fee = percentageFee + fixedFee}, exactly.
 */
public record LineAmounts(BigDecimal gross, BigDecimal feeRate, BigDecimal percentageFee, BigDecimal fixedFee,
        BigDecimal vatRate, BigDecimal vat) {

    public BigDecimal fee() {
        return percentageFee.add(fixedFee);
    }

    public BigDecimal net() {
        return gross.subtract(fee()).subtract(vat);
    }

    static LineAmounts none(int scale) {
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        return new LineAmounts(zero, BigDecimal.ZERO, zero, zero, BigDecimal.ZERO, zero);
    }
}
