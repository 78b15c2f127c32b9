package com.partnersportal.notification.mail;

import com.partnersportal.types.Money;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates, times, counts and amounts as a recipient reads them: month names in their language, times in the configured
 * time zone, Western digits in both languages (as Gulf business mail uses them).
 */
@Component
public class MailFormats {

    static final String LEFT_TO_RIGHT_MARK = "\u200E";

    private final ZoneId zone;

    MailFormats(MailProperties settings) {
        this.zone = settings.zone();
    }

    /** The configured time zone ({@code portal.notification.time-zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** {@code 27 November 2026, 14:00 Arabian Standard Time} ({@code 27 نوفمبر 2026، 14:00 التوقيت العربي الرسمي}); null stays null. */
    public String dateTime(Instant instant, Language language) {
        return dateTime(instant, language, zone);
    }

    /** As {@link #dateTime(Instant, Language)}, in the given time zone (a legal entity's, say). */
    public String dateTime(Instant instant, Language language, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        String pattern = language == Language.AR ? "d MMMM yyyy، HH:mm zzzz" : "d MMMM yyyy, HH:mm zzzz";
        return DateTimeFormatter.ofPattern(pattern, language.locale()).format(instant.atZone(zone));
    }

    /** {@code 1 November 2026}; null stays null. */
    public String date(LocalDate date, Language language) {
        return date == null ? null : DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(date);
    }

    /** {@code November 2026} ({@code نوفمبر 2026}); null stays null. */
    public String month(YearMonth month, Language language) {
        return month == null ? null : DateTimeFormatter.ofPattern("MMMM yyyy", language.locale()).format(month);
    }

    /** {@code 1,250}. */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count);
    }

    /**
     * {@code 1,234.50 SAR}, {@code 12.500 KWD}, {@code -20.00 SAR}: the amount at its currency's scale, grouped, then
     * the currency code, in both languages; null stays null. In Arabic it starts with a left-to-right mark (U+200E,
     * invisible), so that inside right-to-left text the minus sign stays before the digits and the code after them.
     */
    public String money(Money money, Language language) {
        if (money == null) {
            return null;
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(money.currency().scale());
        format.setMaximumFractionDigits(money.currency().scale());
        return (language == Language.AR ? LEFT_TO_RIGHT_MARK : "") + format.format(money.amount()) + " "
                + money.currency().name();
    }
}
