package com.partnersportal.notification.delivery;

import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.WorkQueue;
import com.partnersportal.notification.mail.MailNotSent;
import com.partnersportal.notification.mail.SmtpMailer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender, as the kit's {@link DurableWorker} drives it on every replica: claims the mails that are due, sends
 * each over SMTP and records the outcome. A failed attempt is retried on the delivery schedule; the last one, or a
 * permanent refusal (bad address, SMTP 5xx), gives the mail up as failed. {@link DeliveryQueue} keeps replicas from
 * sending the same mail.
 */
class MailDelivery implements WorkQueue<PendingMail> {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final DeliveryQueue queue;
    private final SmtpMailer mailer;
    private final DeliveryMetrics metrics;
    private final int maxAttempts;
    private final Clock clock;

    MailDelivery(DeliveryQueue queue, SmtpMailer mailer, DeliveryMetrics metrics, DeliveryProperties settings, Clock clock) {
        this.queue = queue;
        this.mailer = mailer;
        this.metrics = metrics;
        this.maxAttempts = settings.maxAttempts();
        this.clock = clock;
    }

    @Override
    public List<Claimed<PendingMail>> claim(Lease lease, int limit) {
        return queue.claim(lease, limit, maxAttempts);
    }

    @Override
    public boolean process(Claimed<PendingMail> work, Lease lease) {
        PendingMail mail = work.item();
        mailer.send(mail.outgoing());
        if (!queue.markSent(mail.id(), lease, clock.instant())) {
            return false;
        }
        metrics.sent(mail.kind());
        log.info("Sent {} mail {} (attempt {})", mail.kind(), mail.id(), work.attempt());
        return true;
    }

    @Override
    public boolean retry(Claimed<PendingMail> work, Lease lease, Instant next, String error) {
        boolean recorded = queue.scheduleRetry(work.item().id(), lease, next, error);
        if (recorded) {
            metrics.attemptFailed(work.item().kind());
        }
        return recorded;
    }

    @Override
    public boolean giveUp(Claimed<PendingMail> work, Lease lease, String error) {
        boolean recorded = queue.markFailed(work.item().id(), lease, clock.instant(), error);
        if (recorded) {
            metrics.failed(work.item().kind());
        }
        return recorded;
    }

    @Override
    public boolean permanent(Exception failure) {
        return failure instanceof MailNotSent notSent && notSent.permanent();
    }

    @Override
    public String error(Exception failure) {
        return failure instanceof MailNotSent ? failure.getMessage() : failure.toString();
    }

    @Override
    public void release(Claimed<PendingMail> work, Lease lease) {
        queue.release(work.item().id(), lease);
    }

    @Override
    public int giveUpAbandoned(Instant now, int maxAttempts) {
        List<String> kinds = queue.giveUpAbandoned(now, maxAttempts);
        kinds.forEach(metrics::failed);
        return kinds.size();
    }

    @Override
    public String describe(PendingMail mail) {
        return mail.kind() + " mail " + mail.id();
    }
}
