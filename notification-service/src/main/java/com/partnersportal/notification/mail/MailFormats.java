package com.partnersportal.notification.mail;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates, times and counts as a recipient reads them: month names in their language, times in the configured
 * time zone, Western digits in both languages (as Gulf business mail uses them).
 */
@Component
public class MailFormats {

    private final ZoneId zone;

    MailFormats(MailSettings settings) {
        this.zone = settings.zone();
    }

    /** {@code 27 November 2026, 14:00 Arabian Standard Time} ({@code 27 نوفمبر 2026، 14:00 التوقيت العربي الرسمي}); null stays null. */
    public String dateTime(Instant instant, Language language) {
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

    /** {@code 1,250}. */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count);
    }
}
