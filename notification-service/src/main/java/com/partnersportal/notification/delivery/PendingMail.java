package com.partnersportal.notification.delivery;

import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.OutgoingMail;
import com.partnersportal.notification.mail.RenderedMail;
import java.util.UUID;

/** A pending mail, as a sender holds it for one attempt. */
record PendingMail(UUID id, String kind, String recipient, String language, String subject, String htmlBody,
        String textBody) {

    OutgoingMail outgoing() {
        return new OutgoingMail(id, recipient, Language.fromCode(language).orElse(Language.EN),
                new RenderedMail(subject, htmlBody, textBody));
    }
}
