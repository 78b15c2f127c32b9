package com.partnersportal.notification.recipients;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.notification.delivery.DeliveryProperties;
import com.partnersportal.notification.delivery.Notifications;
import com.partnersportal.notification.delivery.PollingWorker;
import com.partnersportal.notification.delivery.RetrySchedule;
import com.partnersportal.notification.mail.MailRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns recorded audience events into mails. Every {@code poll-interval} it takes the due lookups one at a time:
 * asks identity-service who is in the audience and, in the same transaction, records one mail per recipient (in
 * their language) for {@code MailDelivery} to send. identity-service down: the lookup is tried again on the
 * delivery {@link RetrySchedule} and given up only when its attempts run out. Runs on every replica; the row lock
 * keeps two resolvers off the same lookup, and the delivery records' uniqueness per event, kind and recipient keeps
 * a mail from being recorded twice.
 */
class RecipientResolver extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(RecipientResolver.class);

    private final RecipientLookups lookups;
    private final IdentityRecipients identity;
    private final Notifications notifications;
    private final Map<String, AudienceMail<?>> mails;
    private final TransactionTemplate transaction;
    private final RetrySchedule schedule;
    private final DeliveryProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;

    RecipientResolver(RecipientLookups lookups, IdentityRecipients identity, Notifications notifications,
            List<AudienceMail<?>> mails, TransactionTemplate transaction, DeliveryProperties settings, Clock clock,
            MeterRegistry meters) {
        super("recipient-lookup", settings.pollInterval());
        this.lookups = lookups;
        this.identity = identity;
        this.notifications = notifications;
        this.mails = mails.stream().collect(Collectors.toUnmodifiableMap(AudienceMail::eventType, Function.identity()));
        this.transaction = transaction;
        this.schedule = settings.retrySchedule();
        this.settings = settings;
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

    /** Resolves the lookup due first, if any; returns whether there was one. */
    boolean resolveNext() {
        Instant now = clock.instant();
        AtomicReference<PendingLookup> taken = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> lookups.lockNextDue(now)
                    .map(lookup -> {
                        taken.set(lookup);
                        resolve(lookup, now);
                        return true;
                    })
                    .orElse(false)));
        } catch (RuntimeException e) {
            PendingLookup lookup = taken.get();
            if (lookup == null) {
                throw e;
            }
            // The event cannot become mails (a refused question, a mail that cannot be built): asking again cannot help.
            transaction.executeWithoutResult(status -> lookups.failed(lookup.id(), lookup.attempts() + 1, now, e.toString()));
            outcomes("failed").increment();
            log.warn("Gave up the recipients of event {} ({}): {}", lookup.eventId(), lookup.eventType(), e.toString());
            return true;
        }
    }

    private void resolve(PendingLookup lookup, Instant now) {
        int attempt = lookup.attempts() + 1;
        AudienceMail<?> mail = mails.get(lookup.eventType());
        if (mail == null) {
            throw new IllegalStateException("no audience mail for events of type " + lookup.eventType());
        }
        List<Recipient> recipients;
        try {
            recipients = identity.find(lookup.audience());
        } catch (RecipientsUnavailable e) {
            unavailable(lookup, attempt, now, e);
            return;
        }
        for (MailRequest request : mailsTo(recipients, mail, lookup.payload())) {
            notifications.record(request, lookup.cause());
        }
        lookups.resolved(lookup.id(), attempt, now, recipients.size());
        outcomes("resolved").increment();
        log.info("Event {} ({}) goes to {} recipient(s)", lookup.eventId(), lookup.eventType(), recipients.size());
    }

    private void unavailable(PendingLookup lookup, int attempt, Instant now, RecipientsUnavailable e) {
        if (schedule.exhausted(attempt)) {
            lookups.failed(lookup.id(), attempt, now, e.getMessage());
            outcomes("failed").increment();
            log.warn("Gave up the recipients of event {} after {} attempt(s): {}", lookup.eventId(), attempt, e.getMessage());
        } else {
            Instant next = now.plus(schedule.delayAfter(attempt));
            lookups.retryAt(lookup.id(), attempt, next, e.getMessage());
            outcomes("retried").increment();
            log.info("Attempt {} to name the recipients of event {} failed, next at {}: {}", attempt, lookup.eventId(),
                    next, e.getMessage());
        }
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

    @Override
    protected void pass() {
        while (isRunning() && resolveNext()) {
            // one lookup per transaction, until none is due
        }
    }
}
