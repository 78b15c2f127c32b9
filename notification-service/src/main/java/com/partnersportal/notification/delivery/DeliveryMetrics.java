package com.partnersportal.notification.delivery;

import com.partnersportal.notification.mail.MailKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code portal_notifications_sent_total} and {@code portal_notifications_failed_total} (given up) by kind,
 * {@code portal_notifications_attempt_failures_total} (attempts that will be retried) by kind, and the gauge
 * {@code portal_notifications_pending}.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters, DeliveryQueue queue) {
        this.meters = meters;
        for (MailKind kind : MailKind.values()) {
            // Every series exists from the start, so rates and alerts see a zero rather than nothing.
            sent(kind.code(), 0);
            failed(kind.code(), 0);
            attemptFailed(kind.code(), 0);
        }
        Supplier<Number> pending = () -> {
            try {
                return queue.pendingCount();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
        Gauge.builder("portal.notifications.pending", pending)
                .description("Mails waiting for their first or next delivery attempt").register(meters);
    }

    void sent(String kind) {
        sent(kind, 1);
    }

    void failed(String kind) {
        failed(kind, 1);
    }

    void attemptFailed(String kind) {
        attemptFailed(kind, 1);
    }

    private void sent(String kind, int count) {
        counter("portal.notifications.sent", "Mails the SMTP server accepted", kind).increment(count);
    }

    private void failed(String kind, int count) {
        counter("portal.notifications.failed", "Mails given up after their last attempt or a permanent refusal", kind)
                .increment(count);
    }

    private void attemptFailed(String kind, int count) {
        counter("portal.notifications.attempt.failures", "Delivery attempts that failed and will be retried", kind)
                .increment(count);
    }

    private Counter counter(String name, String description, String kind) {
        return Counter.builder(name).description(description).tag("kind", kind).register(meters);
    }
}
