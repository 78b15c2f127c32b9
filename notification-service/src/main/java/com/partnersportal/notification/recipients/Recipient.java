package com.partnersportal.notification.recipients;

import com.partnersportal.notification.mail.Language;
import java.util.UUID;

/** A user who receives an audience's mail, as identity-service describes them. */
public record Recipient(UUID userId, String email, String fullName, String locale) {

    /** The language of their mails: their preferred one (English unless it is Arabic). */
    public Language language() {
        return Language.ofLocale(locale);
    }
}
