package com.partnersportal.webhooks.message;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.webhooks.publicevent.OrderWebhook;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes messages: one per event and subscribed, enabled endpoint, in the transaction that records the event as
 * consumed, so a redelivered event makes none ({@code UNIQUE (endpoint_id, event_id)} as a second guard). The events
 * of one transaction (a batch of order events) are written together, in one multi-row insert just before it commits,
 * in the order they came.
 */
@Service
public class Messages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Messages(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Makes the event's messages when the current transaction commits (with the others of that transaction). */
    @Transactional
    public void enqueue(String eventId, OrderWebhook webhook) {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.rows.add(row(batch.rows.size(), eventId, webhook));
    }

    /** The events of one transaction, written just before it commits. */
    private final class Batch implements TransactionSynchronization {
        final List<Map<String, Object>> rows = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            int made = insert(rows);
            if (made > 0) {
                events.publishEvent(new MessagesEnqueued(made));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Messages.this);
        }
    }

    private static Map<String, Object> row(int position, String eventId, OrderWebhook webhook) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("position", position);
        row.put("event_id", eventId);
        row.put("type", webhook.type().wireName());
        row.put("order_id", webhook.orderId().toString());
        row.put("payload", webhook.body());
        row.put("occurred_at", webhook.occurredAt().toString());
        row.put("merchant_id", webhook.merchantId().toString());
        return row;
    }

    /** @return messages made: one per event and endpoint of its merchant subscribed to its type */
    private int insert(List<Map<String, Object>> rows) {
        return jdbc.sql("""
                        INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key,
                                                     payload, status, next_attempt_at, occurred_at, created_at)
                        SELECT gen_random_uuid(), e.id, e.merchant_id, v.event_id, v.type, v.order_id, v.order_id::text,
                               v.payload, 'pending', :now, v.occurred_at, :now
                        FROM jsonb_to_recordset(CAST(:rows AS jsonb))
                                 AS v(position int, event_id text, type text, order_id uuid, payload text,
                                      occurred_at timestamptz, merchant_id uuid)
                        JOIN webhook_endpoint e ON e.merchant_id = v.merchant_id AND e.enabled AND e.deleted_at IS NULL
                                               AND v.type = ANY (e.event_types)
                        ORDER BY v.position, e.id
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .param("rows", JSON.writeValueAsString(rows))
                .param("now", Timestamp.from(clock.instant()))
                .update();
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
            throw new ApiProblem(HttpStatus.NOT_FOUND, "message_not_found", "No message " + messageId + " exists.",
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
