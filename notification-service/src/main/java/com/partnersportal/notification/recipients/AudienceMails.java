package com.partnersportal.notification.recipients;

import com.partnersportal.kit.inbox.InboundEvent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where consumers hand over events whose mail goes to an {@link Audience}. The event is recorded as a pending
 * recipient lookup in the consumer's transaction, beside the inbox's processed-event record, so a redelivered
 * event asks for nothing and an identity-service outage delays the mails instead of losing them: the
 * {@link RecipientResolver} asks identity-service, retrying on the delivery schedule, then records one mail each.
 */
@Service
public class AudienceMails {

    private final RecipientLookups lookups;
    private final Clock clock;

    AudienceMails(RecipientLookups lookups, Clock clock) {
        this.lookups = lookups;
        this.clock = clock;
    }

    /** Records the event for its audience; must run inside the transaction that records the event as processed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void record(AudienceMail<T> mail, T event, InboundEvent cause) {
        if (!mail.eventType().equals(cause.type())) {
            throw new IllegalArgumentException("a " + mail.eventType() + " mail cannot be sent for a " + cause.type());
        }
        lookups.add(cause, mail.audience(event), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
