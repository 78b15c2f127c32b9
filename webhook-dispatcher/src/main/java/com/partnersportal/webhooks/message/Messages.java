package com.partnersportal.webhooks.message;

import com.partnersportal.kit.problem.Refusal;
import com.partnersportal.webhooks.publicevent.OrderWebhook;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes messages: one per event and subscribed, enabled endpoint, in the transaction that records the event as
 * consumed, so a redelivered event makes none ({@code UNIQUE (endpoint_id, event_id)} as a second guard).
 */
@Service
public class Messages {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Messages(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** @return how many endpoints will receive it */
    @Transactional
    public int enqueue(String eventId, OrderWebhook webhook) {
        Timestamp now = Timestamp.from(clock.instant());
        int made = jdbc.sql("""
                        INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key,
                                                     payload, status, next_attempt_at, occurred_at, created_at)
                        SELECT gen_random_uuid(), e.id, e.merchant_id, :eventId, :type, :orderId, :orderKey, :payload,
                               'pending', :now, :occurredAt, :now
                        FROM webhook_endpoint e
                        WHERE e.merchant_id = :merchant AND e.enabled AND e.deleted_at IS NULL AND :type = ANY (e.event_types)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .param("eventId", eventId)
                .param("type", webhook.type().wireName())
                .param("orderId", webhook.orderId())
                .param("orderKey", webhook.orderId().toString())
                .param("payload", webhook.body())
                .param("now", now)
                .param("occurredAt", Timestamp.from(webhook.occurredAt()))
                .param("merchant", webhook.merchantId())
                .update();
        if (made > 0) {
            events.publishEvent(new MessagesEnqueued(made));
        }
        return made;
    }

    /** A test message to one endpoint, outside any order's sequence. */
    @Transactional
    public UUID enqueueTest(UUID endpointId, OrderWebhook sample) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key,
                                                     payload, test, status, next_attempt_at, occurred_at, created_at)
                        VALUES (:id, :endpoint, :merchant, :eventId, :type, NULL, :orderKey, :payload, TRUE, 'pending', :now,
                                :now, :now)""")
                .param("id", id).param("endpoint", endpointId).param("merchant", sample.merchantId())
                .param("eventId", "test-" + id).param("type", sample.type().wireName())
                .param("orderKey", "test-" + id).param("payload", sample.body()).param("now", now)
                .update();
        events.publishEvent(new MessagesEnqueued(1));
        return id;
    }

    /**
     * Sends a message again, with its own id (the receiver's dedupe key) and a fresh retry schedule. A pending message
     * is only brought forward.
     */
    @Transactional
    public void resend(UUID merchantId, UUID messageId) {
        int changed = jdbc.sql("""
                        UPDATE webhook_message SET status = 'pending', attempts = 0, next_attempt_at = :now, finished_at = NULL
                        WHERE id = :id AND merchant_id = :m""")
                .param("now", Timestamp.from(clock.instant())).param("id", messageId).param("m", merchantId).update();
        if (changed == 0) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "message_not_found", "No message " + messageId + " exists.",
                    Map.of("message_id", messageId.toString()));
        }
        events.publishEvent(new MessagesEnqueued(1));
    }

    /** Every failed message of the endpoint made since the time goes out again. @return how many */
    @Transactional
    public int recover(UUID merchantId, UUID endpointId, Instant since) {
        int changed = jdbc.sql("""
                        UPDATE webhook_message SET status = 'pending', attempts = 0, next_attempt_at = :now, finished_at = NULL
                        WHERE endpoint_id = :endpoint AND merchant_id = :m AND status = 'failed' AND created_at >= :since""")
                .param("now", Timestamp.from(clock.instant())).param("endpoint", endpointId).param("m", merchantId)
                .param("since", Timestamp.from(since)).update();
        if (changed > 0) {
            events.publishEvent(new MessagesEnqueued(changed));
        }
        return changed;
    }
}
