package com.partnersportal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsAmountsAtTheCurrencyScale() {
        assertThat(Money.of("300", Currency.SAR).amount().toPlainString()).isEqualTo("300.00");
        assertThat(Money.of("12.5", Currency.KWD).amount().toPlainString()).isEqualTo("12.500");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyAllowsInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("10.005", Currency.SAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SAR allows 2 decimals");
        assertThat(Money.of("10.005", Currency.BHD).amount().toPlainString()).isEqualTo("10.005");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money total = Money.of("0.10", Currency.SAR).plus(Money.of("0.20", Currency.SAR));
        assertThat(total).isEqualTo(Money.of("0.30", Currency.SAR));
        assertThat(total.minus(Money.of("0.31", Currency.SAR)).negative()).isTrue();
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.of("1", Currency.SAR).plus(Money.of("1", Currency.AED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCurrencyBelongsToOneCountry() {
        assertThat(Currency.ofCountry("KW")).contains(Currency.KWD);
        assertThat(Currency.fromCode("XYZ")).isEmpty();
    }
}
