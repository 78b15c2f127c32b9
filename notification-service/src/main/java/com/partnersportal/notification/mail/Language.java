package com.partnersportal.notification.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages mails are written in. A recipient whose locale is neither gets English. */
public enum Language {

    EN("en", "ltr"),
    AR("ar", "rtl");

    private final String code;
    private final String direction;

    Language(String code, String direction) {
        this.code = code;
        this.direction = direction;
    }

    /** From a recipient's locale as identity and orders send it: {@code ar}, {@code ar-SA}, {@code en_GB}, null. */
    public static Language ofLocale(String locale) {
        if (locale == null) {
            return EN;
        }
        String language = Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
        return fromCode(language).orElse(EN);
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    /** The HTML {@code dir}: {@code rtl} for Arabic. */
    public String direction() {
        return direction;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }
}
