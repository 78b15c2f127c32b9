package com.partnersportal.notification.delivery;

import com.partnersportal.notification.mail.MailNotSent;
import com.partnersportal.notification.mail.SmtpMailer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender: every {@code poll-interval} it claims the mails that are due, sends each over SMTP and records the
 * outcome. A failed attempt is retried on the {@link RetrySchedule}; the last one, or a permanent refusal, gives
 * the mail up as failed. Runs on every replica; {@link DeliveryQueue} keeps them from sending the same mail.
 */
class MailDelivery extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final DeliveryQueue queue;
    private final SmtpMailer mailer;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties settings;
    private final RetrySchedule schedule;
    private final Clock clock;

    MailDelivery(DeliveryQueue queue, SmtpMailer mailer, DeliveryMetrics metrics, DeliveryProperties settings, Clock clock) {
        super("mail-delivery", settings.pollInterval());
        this.queue = queue;
        this.mailer = mailer;
        this.metrics = metrics;
        this.settings = settings;
        this.schedule = settings.retrySchedule();
        this.clock = clock;
    }

    /** One pass: gives up abandoned mails, then claims and sends one batch. Returns how many it claimed. */
    int deliverDue() {
        Instant now = clock.instant();
        for (String kind : queue.giveUpAbandoned(now, schedule.maxAttempts())) {
            metrics.failed(kind);
            log.warn("Gave up a {} mail: its last attempt was never reported", kind);
        }
        UUID claim = UUID.randomUUID();
        List<ClaimedMail> batch = queue.claim(claim, now, now.plus(settings.lease()), settings.batchSize(),
                schedule.maxAttempts());
        for (ClaimedMail mail : batch) {
            deliver(mail, claim);
        }
        return batch.size();
    }

    private void deliver(ClaimedMail mail, UUID claim) {
        try {
            mailer.send(mail.outgoing());
        } catch (MailNotSent e) {
            failed(mail, claim, e.getMessage(), e.permanent());
            return;
        } catch (RuntimeException e) {
            failed(mail, claim, e.toString(), false);
            return;
        }
        if (queue.markSent(mail.id(), claim, clock.instant())) {
            metrics.sent(mail.kind());
            log.info("Sent {} mail {} (attempt {})", mail.kind(), mail.id(), mail.attempts());
        } else {
            log.warn("Sent {} mail {} after its claim had lapsed; another sender may send it again", mail.kind(), mail.id());
        }
    }

    private void failed(ClaimedMail mail, UUID claim, String error, boolean permanent) {
        Instant now = clock.instant();
        if (permanent || schedule.exhausted(mail.attempts())) {
            if (queue.markFailed(mail.id(), claim, now, error)) {
                metrics.failed(mail.kind());
            }
            log.warn("Gave up {} mail {} after {} attempt(s){}: {}", mail.kind(), mail.id(), mail.attempts(),
                    permanent ? " (permanent failure)" : "", error);
        } else {
            Instant next = now.plus(schedule.delayAfter(mail.attempts()));
            if (queue.scheduleRetry(mail.id(), claim, next, error)) {
                metrics.attemptFailed(mail.kind());
            }
            log.info("Attempt {} of {} mail {} failed, next at {}: {}", mail.attempts(), mail.kind(), mail.id(), next, error);
        }
    }

    @Override
    protected void pass() {
        int claimed;
        do {
            claimed = deliverDue();
        } while (claimed == settings.batchSize() && isRunning());
    }
}
