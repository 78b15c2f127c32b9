package com.partnersportal.notification.delivery;

import com.partnersportal.kit.inbox.InboundEvent;
import com.partnersportal.notification.mail.MailRenderer;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.RenderedMail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where consumers hand over the mails their events ask for. A mail is rendered and recorded as pending in the
 * consumer's transaction, beside the inbox's processed-event record: a redelivered event finds that record and
 * asks for nothing, and a crash before the commit leaves the event to be delivered again. {@link MailDelivery}
 * sends what is recorded.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MailRenderer renderer;
    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(MailRenderer renderer, NotificationRepository notifications, Clock clock) {
        this.renderer = renderer;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Records the mail for sending; must run inside the transaction that records the event as processed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(MailRequest request, InboundEvent cause) {
        RenderedMail mail = renderer.render(request);
        Notification saved = notifications.save(Notification.pending(request, mail, cause.id(), cause.type(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        log.info("Recorded {} mail {} ({}) for event {}", request.kind().code(), saved.id(), request.language().code(),
                cause.id());
        return saved.id();
    }
}
