package com.partnersportal.settlement.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankAccountTest {

    @Test
    void aValidIbanIsKeptCompactAndShownMasked() {
        String iban = BankAccount.normalisedIban("sa03 8000 0000 6080 1016 7519");

        assertThat(iban).isEqualTo("SA0380000000608010167519");
        assertThat(new BankAccount(iban, "Al Rajhi", "Desert Lamps").maskedIban())
                .isEqualTo("SA03 **** **** **** **** 7519");
    }

    @Test
    void aWrongCheckDigitOrFormatIsRefused() {
        assertThat(BankAccount.normalisedIban("SA04 8000 0000 6080 1016 7519")).isNull();
        assertThat(BankAccount.normalisedIban("SA03 8000")).isNull();
        assertThat(BankAccount.normalisedIban("not an iban")).isNull();
        assertThat(BankAccount.normalisedIban(null)).isNull();
    }

    @Test
    void ksaVatNumbersHaveFifteenDigitsStartingAndEndingWithThree() {
        assertThat(VatNumbers.isValidKsa("310123456700003")).isTrue();
        assertThat(VatNumbers.isValidKsa("300000000000003")).isTrue();
        assertThat(VatNumbers.isValidKsa("210123456700003")).isFalse();
        assertThat(VatNumbers.isValidKsa("310123456700002")).isFalse();
        assertThat(VatNumbers.isValidKsa("31012345670003")).isFalse();
        assertThat(VatNumbers.isValidKsa("3101234567000033")).isFalse();
        assertThat(VatNumbers.isValidKsa("31012345670000A")).isFalse();
        assertThat(VatNumbers.isValidKsa(null)).isFalse();
    }
}
