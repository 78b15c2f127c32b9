package com.partnersportal.notification.recipients;

import com.partnersportal.kit.inbox.InboundEvent;
import java.util.UUID;

/** An event waiting for identity-service to say who receives its mail. */
record PendingLookup(UUID id, String eventId, String eventType, String subject, Audience audience, byte[] payload) {

    /** The event that asked for the mails, as the delivery records name it. */
    InboundEvent cause() {
        return new InboundEvent(eventId, eventType, subject, payload);
    }
}
