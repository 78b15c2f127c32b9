package com.partnersportal.kit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.money.MoneyReader.Sign;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MoneyReaderTest {

    @Test
    void readsAmountsAtTheCurrencysScale() {
        assertThat(MoneyReader.readPositive("total_amount", money("300", "SAR"), Currency.SAR))
                .isEqualTo(Money.of("300.00", Currency.SAR));
        assertThat(MoneyReader.readPositive("total_amount", money("12.5", "KWD"), Currency.KWD).amount())
                .hasToString("12.500");
        assertThat(MoneyReader.read("fee", money("-12.50", "SAR"), Currency.SAR, Sign.NOT_ZERO).amount())
                .hasToString("-12.50");
        assertThat(MoneyReader.read("tax_amount", money("0", "SAR"), Currency.SAR)).isEqualTo(Money.zero(Currency.SAR));
        assertThat(MoneyReader.read("tax_amount", null, Currency.SAR)).isNull();
        assertThat(MoneyReader.read("total_amount", money("1.000", "OMR"), null, Sign.POSITIVE).currency())
                .isEqualTo(Currency.OMR);
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNeverRounded() {
        refused(() -> MoneyReader.readPositive("total_amount", money("0.001", "SAR"), Currency.SAR),
                "amount_invalid_precision", "total_amount");
        refused(() -> MoneyReader.readPositive("total_amount", money("0.0001", "BHD"), Currency.BHD),
                "amount_invalid_precision", "total_amount");
        assertThat(MoneyReader.readPositive("total_amount", money("1.2300", "SAR"), Currency.SAR).amount())
                .hasToString("1.23");
    }

    @Test
    void signsTheFieldDoesNotTakeAreRefused() {
        refused(() -> MoneyReader.readPositive("total_amount", money("0", "SAR"), Currency.SAR),
                "amount_not_positive", "total_amount");
        refused(() -> MoneyReader.readPositive("total_amount", money("-1", "SAR"), Currency.SAR),
                "amount_negative", "total_amount");
        refused(() -> MoneyReader.read("discount.amount", money("-0.01", "SAR"), Currency.SAR),
                "amount_negative", "discount.amount");
        refused(() -> MoneyReader.read("fee", money("0.00", "SAR"), Currency.SAR, Sign.NOT_ZERO),
                "amount_not_positive", "fee");
    }

    @Test
    void moreDigitsThanAMoneyColumnHoldsAreRefused() {
        assertThat(MoneyReader.readPositive("total_amount", money("999999999999999.99", "SAR"), Currency.SAR))
                .isNotNull();
        refused(() -> MoneyReader.readPositive("total_amount", money("1000000000000000", "SAR"), Currency.SAR),
                "amount_too_large", "total_amount");
        refused(() -> MoneyReader.read("fee", money("-1" + "0".repeat(400), "SAR"), Currency.SAR, Sign.NOT_ZERO),
                "amount_too_large", "fee");
    }

    @Test
    void missingPartsAndUnknownOrOtherCurrenciesAreRefusedNamingTheField() {
        refused(() -> MoneyReader.readPositive("total_amount", null, Currency.SAR), "invalid_field", "total_amount");
        refused(() -> MoneyReader.readPositive("total_amount", money(null, "SAR"), Currency.SAR),
                "invalid_field", "total_amount");
        refused(() -> MoneyReader.readPositive("total_amount", new WireMoney(BigDecimal.TEN, null), Currency.SAR),
                "invalid_field", "total_amount");
        refused(() -> MoneyReader.readPositive("total_amount", money("10", "sar"), Currency.SAR),
                "currency_unsupported", "total_amount");
        refused(() -> MoneyReader.readPositive("items[0].total_amount", money("10", "AED"), Currency.SAR),
                "total_amount_invalid_currency", "items[0].total_amount");
    }

    @Test
    void queryBoundsArePlainDecimalsThatFitAColumn() {
        assertThat(MoneyReader.parse("amount_min", " 100.5 ")).isEqualByComparingTo("100.5");
        assertThat(MoneyReader.parse("amount_min", "-3")).isEqualByComparingTo("-3");
        assertThat(MoneyReader.parse("amount_min", "")).isNull();
        for (String hostile : new String[] {"1e2", "1E400", "lots", "0x10", "NaN", "Infinity", "\u0000", "1.5.5", "+-1"}) {
            refused(() -> MoneyReader.parse("amount_min", hostile), "invalid_field", "amount_min");
        }
        refused(() -> MoneyReader.parse("amount_max", "1" + "0".repeat(20)), "amount_too_large", "amount_max");
        refused(() -> MoneyReader.parse("amount_max", "1.0001"), "amount_invalid_precision", "amount_max");
        assertThat(MoneyReader.bound("amount_max", new BigDecimal("250.00"))).isEqualByComparingTo("250");
        refused(() -> MoneyReader.bound("amount_max", new BigDecimal("1E+30")), "amount_too_large", "amount_max");
    }

    @Test
    void writesMoneyAsItsAmountAndCurrencyCode() {
        assertThat(WireMoney.of(Money.of("5", Currency.KWD))).isEqualTo(new WireMoney(new BigDecimal("5.000"), "KWD"));
        assertThat(WireMoney.of((Money) null)).isNull();
        assertThat(WireMoney.of(null, "SAR")).isNull();
    }

    private static WireMoney money(String amount, String currency) {
        return new WireMoney(amount == null ? null : new BigDecimal(amount), currency);
    }

    private static void refused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.errorCode()).isEqualTo(code);
            assertThat(refusal.data()).containsEntry("field", field);
        });
    }
}
