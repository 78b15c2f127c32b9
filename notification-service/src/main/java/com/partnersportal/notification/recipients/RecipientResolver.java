package com.partnersportal.notification.recipients;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.WorkQueue;
import com.partnersportal.notification.delivery.Notifications;
import com.partnersportal.notification.mail.MailRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns recorded audience events into mails, as the kit's {@link DurableWorker} drives it on every replica: claims the
 * due lookups under a lease, asks identity-service who is in the audience and, in one transaction, records one mail
 * per recipient (in their language) for the mail sender and marks the lookup resolved, only while the lease holds.
 * identity-service unavailable: the lookup is retried on the delivery schedule and given up when its attempts run out;
 * a refused question, or a mail that cannot be built, is given up at once. The delivery records' uniqueness per event,
 * kind and recipient keeps a mail from being recorded twice.
 */
class RecipientResolver implements WorkQueue<PendingLookup> {

    private static final Logger log = LoggerFactory.getLogger(RecipientResolver.class);

    private final RecipientLookups lookups;
    private final IdentityRecipients identity;
    private final Notifications notifications;
    private final Map<String, AudienceMail<?>> mails;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    RecipientResolver(RecipientLookups lookups, IdentityRecipients identity, Notifications notifications,
            List<AudienceMail<?>> mails, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.lookups = lookups;
        this.identity = identity;
        this.notifications = notifications;
        this.mails = mails.stream().collect(Collectors.toUnmodifiableMap(AudienceMail::eventType, Function.identity()));
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        for (String outcome : List.of("resolved", "retried", "failed")) {
            outcomes(outcome).increment(0);
        }
        Supplier<Number> pending = () -> {
            try {
                return lookups.pendingCount();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
        Gauge.builder("portal.notifications.recipient.lookups.pending", pending)
                .description("Events waiting for identity-service to name their mails' recipients").register(meters);
    }

    @Override
    public List<Claimed<PendingLookup>> claim(Lease lease, int limit) {
        return lookups.claim(lease, limit);
    }

    @Override
    public boolean process(Claimed<PendingLookup> work, Lease lease) {
        PendingLookup lookup = work.item();
        AudienceMail<?> mail = mails.get(lookup.eventType());
        if (mail == null) {
            throw new IllegalStateException("no audience mail for events of type " + lookup.eventType());
        }
        List<Recipient> recipients = identity.find(lookup.audience());
        List<MailRequest> requests = mailsTo(recipients, mail, lookup.payload());
        boolean resolved = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!lookups.resolved(lookup.id(), lease, clock.instant(), recipients.size())) {
                return false;
            }
            for (MailRequest request : requests) {
                notifications.record(request, lookup.cause());
            }
            return true;
        }));
        if (resolved) {
            outcomes("resolved").increment();
            log.info("Event {} ({}) goes to {} recipient(s)", lookup.eventId(), lookup.eventType(), recipients.size());
        }
        return resolved;
    }

    @Override
    public boolean retry(Claimed<PendingLookup> work, Lease lease, Instant next, String error) {
        boolean recorded = lookups.retryAt(work.item().id(), lease, next, error);
        if (recorded) {
            outcomes("retried").increment();
        }
        return recorded;
    }

    @Override
    public boolean giveUp(Claimed<PendingLookup> work, Lease lease, String error) {
        boolean recorded = lookups.failed(work.item().id(), lease, clock.instant(), error);
        if (recorded) {
            outcomes("failed").increment();
        }
        return recorded;
    }

    /** Only identity-service being away is worth another try; a refused question or a broken event is not. */
    @Override
    public boolean permanent(Exception failure) {
        return !(failure instanceof RecipientsUnavailable);
    }

    @Override
    public String error(Exception failure) {
        return failure instanceof RecipientsUnavailable ? failure.getMessage() : failure.toString();
    }

    @Override
    public void release(Claimed<PendingLookup> work, Lease lease) {
        lookups.release(work.item().id(), lease);
    }

    @Override
    public String describe(PendingLookup lookup) {
        return "the recipients of event " + lookup.eventId() + " (" + lookup.eventType() + ")";
    }

    private static <T> List<MailRequest> mailsTo(List<Recipient> recipients, AudienceMail<T> mail, byte[] payload) {
        T event = EventJson.read(payload, mail.payloadType());
        return recipients.stream().map(recipient -> mail.mailTo(recipient, event)).toList();
    }

    private Counter outcomes(String outcome) {
        return Counter.builder("portal.notifications.recipient.lookups")
                .description("Recipient lookups by outcome: resolved, retried (identity-service unavailable), failed (given up)")
                .tag("outcome", outcome)
                .register(meters);
    }
}
