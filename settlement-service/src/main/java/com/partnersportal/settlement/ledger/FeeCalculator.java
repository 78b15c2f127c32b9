package com.partnersportal.settlement.ledger;

import com.partnersportal.settlement.profile.FeeRate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fee arithmetic, per line and exact: the percentage fee and the VAT on the fee are each rounded HALF_UP to the
 * currency's scale on the line they belong to, so every total is the plain sum of its lines.
 */
public final class FeeCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeeCalculator() {
    }

    /** A capture: the percentage of the captured amount, the fixed fee on the order's first capture, VAT on both. */
    public static LineAmounts sale(BigDecimal captured, FeeRate rate, boolean firstCaptureOfOrder, BigDecimal vatRate,
            int scale) {
        BigDecimal percentageFee = percentOf(captured, rate.percentage(), scale);
        BigDecimal fixedFee = firstCaptureOfOrder ? rate.fixedAmount().setScale(scale, RoundingMode.UNNECESSARY)
                : BigDecimal.ZERO.setScale(scale);
        BigDecimal vat = percentOf(percentageFee.add(fixedFee), vatRate, scale);
        return new LineAmounts(captured.setScale(scale, RoundingMode.UNNECESSARY), rate.percentage(), percentageFee,
                fixedFee, vatRate, vat);
    }

    /** A refund: the money goes back, and so do the percentage fee returned on it and the VAT on that fee. */
    public static LineAmounts refund(BigDecimal refunded, BigDecimal feeRate, BigDecimal feeReturned, BigDecimal vatRate,
            int scale) {
        BigDecimal vatReturned = percentOf(feeReturned, vatRate, scale);
        return new LineAmounts(refunded.setScale(scale, RoundingMode.UNNECESSARY).negate(), feeRate,
                feeReturned.setScale(scale, RoundingMode.UNNECESSARY).negate(), BigDecimal.ZERO.setScale(scale), vatRate,
                vatReturned.negate());
    }

    /** {@code percent} % of {@code amount}, HALF_UP at {@code scale}. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, int scale) {
        return amount.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }
}
