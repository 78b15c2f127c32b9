package com.partnersportal.identity.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalEntityRulesTest {

    @ParameterizedTest
    @CsvSource({"SA, SAR, Asia/Riyadh", "AE, AED, Asia/Dubai", "QA, QAR, Asia/Qatar", "KW, KWD, Asia/Kuwait",
            "BH, BHD, Asia/Bahrain", "OM, OMR, Asia/Muscat"})
    void eachCountryHasItsCurrencyAndTimeZoneByDefault(String country, Currency currency, String zone) {
        LegalEntityRules.Checked checked = LegalEntityRules.check(country, null, null,
                "SA".equals(country) ? "1010123456" : "CR-1", "SA".equals(country) ? "300000000000003" : null);

        assertThat(checked.currency()).isEqualTo(currency);
        assertThat(checked.timeZone()).isEqualTo(zone);
    }

    @ParameterizedTest
    @CsvSource({"101012345", "10101234567", "10101234AB"})
    void aSaudiCommercialRegistrationHasTenDigits(String registration) {
        assertThatThrownBy(() -> LegalEntityRules.check("SA", null, null, registration, "300000000000003"))
                .isInstanceOf(ApiProblem.class)
                .hasFieldOrPropertyWithValue("errorCode", "commercial_registration_invalid");
    }

    @ParameterizedTest
    @CsvSource({"300000000000003, true", "399999999999993, true", "300000000000004, false", "400000000000003, false",
            "3000000000000003, false", "' 300000000000003 ', true"})
    void aSaudiVatNumberHasFifteenDigitsStartingAndEndingWithThree(String vat, boolean valid) {
        if (valid) {
            assertThat(LegalEntityRules.check("SA", "SAR", null, "1010123456", vat).vatNumber()).isEqualTo(vat.strip());
        } else {
            assertThatThrownBy(() -> LegalEntityRules.check("SA", "SAR", null, "1010123456", vat))
                    .hasFieldOrPropertyWithValue("errorCode", "vat_number_invalid");
        }
    }
}
