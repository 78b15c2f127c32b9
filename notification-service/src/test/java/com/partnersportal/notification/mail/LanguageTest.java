package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "ar, AR", "ar-SA, AR", "ar_AE, AR", "AR, AR", "en, EN", "en-GB, EN", "fr, EN", "'', EN", "null, EN", "arabic, EN"})
    void aRecipientReadsArabicOnlyWhenTheirLocaleIsArabicAndEnglishOtherwise(String locale, Language expected) {
        assertThat(Language.ofLocale(locale)).isEqualTo(expected);
    }
}
