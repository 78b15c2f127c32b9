package com.partnersportal.notification.recipients;

import com.partnersportal.notification.mail.MailRequest;

/**
 * A mail an event asks for that goes to everyone in an {@link Audience}, each in their own language. A feature
 * declares one as a bean per event type; {@link AudienceMails} records the event, {@link RecipientResolver} asks
 * identity-service who is in the audience and asks for one mail each.
 *
 * @param <T> the event's payload
 */
public interface AudienceMail<T> {

    /** The CloudEvents type of the event. */
    String eventType();

    Class<T> payloadType();

    /**
     * Who should receive the mail.
     *
     * @throws IllegalArgumentException if the event can never become a mail (it then ends on the dead-letter topic)
     */
    Audience audience(T event);

    /** The mail to one recipient, in their language. */
    MailRequest mailTo(Recipient recipient, T event);
}
