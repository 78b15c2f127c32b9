package com.partnersportal.notification.mail;

import java.util.UUID;

/** A rendered mail addressed to one recipient; {@code id} becomes its Message-ID. */
public record OutgoingMail(UUID id, String recipient, Language language, RenderedMail content) {
}
