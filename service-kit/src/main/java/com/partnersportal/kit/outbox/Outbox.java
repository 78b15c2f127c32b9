package com.partnersportal.kit.outbox;

import com.partnersportal.kit.events.EventJson;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event for publication in the caller's database transaction, so the state change and its
 * event commit together or not at all. {@link OutboxRelay} does the sending.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TraceContext traces;

    public Outbox(JdbcClient jdbc, Clock clock, TraceContext traces) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * @param key     the Kafka record key, the aggregate id: one aggregate's events stay in order
     * @param subject the CloudEvents subject, usually the same aggregate id
     * @return the event id, which consumers use to recognise a redelivery
     */
    public UUID append(String topic, String key, String type, String subject, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox event must be written inside the transaction that changes state");
        }
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload, traceparent,
                                                  occurred_at)
                        VALUES (:eventId, :topic, :key, :type, :subject, :payload, :traceparent, :occurredAt)""")
                .param("eventId", eventId)
                .param("topic", topic)
                .param("key", key)
                .param("type", type)
                .param("subject", subject)
                .param("payload", EventJson.write(payload))
                .param("traceparent", traces.currentTraceparent())
                .param("occurredAt", Timestamp.from(clock.instant()))
                .update();
        return eventId;
    }
}
