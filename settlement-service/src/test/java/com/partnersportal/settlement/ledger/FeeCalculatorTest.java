package com.partnersportal.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.settlement.profile.FeeRate;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

    private static final FeeRate SAR = new FeeRate(Currency.SAR, new BigDecimal("2.5"), new BigDecimal("1.00"));
    private static final FeeRate KWD = new FeeRate(Currency.KWD, new BigDecimal("2.75"), new BigDecimal("0.100"));

    @Test
    void aFirstCaptureIsChargedThePercentageAndTheFixedFeeWithVatOnBoth() {
        LineAmounts sale = FeeCalculator.sale(new BigDecimal("300.00"), SAR, true, new BigDecimal("15"), 2);

        assertThat(sale.gross()).isEqualByComparingTo("300.00");
        assertThat(sale.percentageFee()).isEqualTo(new BigDecimal("7.50"));
        assertThat(sale.fixedFee()).isEqualTo(new BigDecimal("1.00"));
        assertThat(sale.fee()).isEqualTo(new BigDecimal("8.50"));
        assertThat(sale.vat()).isEqualTo(new BigDecimal("1.28")); // 1.275 rounds half up
        assertThat(sale.net()).isEqualTo(new BigDecimal("290.22"));
    }

    @Test
    void laterCapturesOfTheSameOrderPayOnlyThePercentage() {
        LineAmounts sale = FeeCalculator.sale(new BigDecimal("99.99"), SAR, false, new BigDecimal("15"), 2);

        assertThat(sale.percentageFee()).isEqualTo(new BigDecimal("2.50")); // 2.49975
        assertThat(sale.fixedFee()).isEqualTo(new BigDecimal("0.00"));
        assertThat(sale.vat()).isEqualTo(new BigDecimal("0.38")); // 0.375
        assertThat(sale.net()).isEqualTo(new BigDecimal("97.11"));
    }

    @Test
    void threeDecimalCurrenciesRoundAtTheirOwnScale() {
        LineAmounts sale = FeeCalculator.sale(new BigDecimal("12.345"), KWD, true, BigDecimal.ZERO, 3);

        assertThat(sale.percentageFee()).isEqualTo(new BigDecimal("0.339")); // 0.3394875
        assertThat(sale.fixedFee()).isEqualTo(new BigDecimal("0.100"));
        assertThat(sale.vat()).isEqualTo(new BigDecimal("0.000"));
        assertThat(sale.net()).isEqualTo(new BigDecimal("11.906"));
    }

    @Test
    void aRefundGivesBackTheMoneyAndThePercentageFeeReturnedWithItsVat() {
        LineAmounts refund = FeeCalculator.refund(new BigDecimal("100.00"), new BigDecimal("2.5"), new BigDecimal("2.50"),
                new BigDecimal("15"), 2);

        assertThat(refund.gross()).isEqualTo(new BigDecimal("-100.00"));
        assertThat(refund.fee()).isEqualTo(new BigDecimal("-2.50"));
        assertThat(refund.vat()).isEqualTo(new BigDecimal("-0.38"));
        assertThat(refund.net()).isEqualTo(new BigDecimal("-97.12"));
    }

    @Test
    void netIsAlwaysGrossLessFeeLessVatToTheLastUnit() {
        for (int cents = 1; cents < 5000; cents += 7) {
            BigDecimal gross = BigDecimal.valueOf(cents, 2);
            LineAmounts sale = FeeCalculator.sale(gross, SAR, cents % 2 == 0, new BigDecimal("15"), 2);
            assertThat(sale.net().add(sale.fee()).add(sale.vat())).isEqualTo(gross);
            assertThat(sale.net().scale()).isEqualTo(2);
        }
    }
}
