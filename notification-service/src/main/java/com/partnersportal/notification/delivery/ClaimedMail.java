package com.partnersportal.notification.delivery;

import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.OutgoingMail;
import com.partnersportal.notification.mail.RenderedMail;
import java.util.UUID;

/**
 * A pending mail a sender holds for one attempt; {@code attempts} counts this one, {@code leaseExpired} says an
 * earlier sender claimed it and stopped before recording an outcome.
 */
record ClaimedMail(UUID id, String kind, String recipient, String language, String subject, String htmlBody,
        String textBody, int attempts, boolean leaseExpired) {

    OutgoingMail outgoing() {
        return new OutgoingMail(id, recipient, Language.fromCode(language).orElse(Language.EN),
                new RenderedMail(subject, htmlBody, textBody));
    }
}
