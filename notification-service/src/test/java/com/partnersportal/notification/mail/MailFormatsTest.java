package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MailFormatsTest {

    private final MailFormats formats = new MailFormats(new MailProperties(null, null, null));

    @Test
    void amountsHaveTheirCurrencysDecimalsGroupingAndCode() {
        assertThat(formats.money(Money.of("1414.18", Currency.SAR), Language.EN)).isEqualTo("1,414.18 SAR");
        assertThat(formats.money(Money.of("1250.5", Currency.KWD), Language.EN)).isEqualTo("1,250.500 KWD");
        assertThat(formats.money(Money.of("0.1", Currency.BHD), Language.EN)).isEqualTo("0.100 BHD");
        assertThat(formats.money(Money.of("2", Currency.OMR), Language.EN)).isEqualTo("2.000 OMR");
        assertThat(formats.money(Money.of("-15.8", Currency.AED), Language.EN)).isEqualTo("-15.80 AED");
        assertThat(formats.money(Money.of("1234567.5", Currency.QAR), Language.EN)).isEqualTo("1,234,567.50 QAR");
        assertThat(formats.money(null, Language.EN)).isNull();
    }

    @Test
    void inArabicAnAmountReadsLeftToRightWithItsSignAndCode() {
        assertThat(formats.money(Money.of("-15.8", Currency.KWD), Language.AR)).isEqualTo("\u200E-15.800 KWD");
    }

    @Test
    void monthsAreNamedInTheRecipientsLanguage() {
        assertThat(formats.month(YearMonth.parse("2026-11"), Language.EN)).isEqualTo("November 2026");
        assertThat(formats.month(YearMonth.parse("2026-11"), Language.AR)).isEqualTo("نوفمبر 2026");
    }

    @Test
    void aTimeCanBeStatedInAnotherZone() {
        assertThat(formats.dateTime(Instant.parse("2026-12-13T20:00:00Z"), Language.EN, ZoneId.of("Asia/Dubai")))
                .isEqualTo("14 December 2026, 00:00 Gulf Standard Time");
    }
}
