package com.partnersportal.kit.outbox;

import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.work.WorkMetrics;
import com.partnersportal.kit.work.WorkerLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka in the order they were written, and retries until the broker takes
 * them. A PostgreSQL advisory lock makes one replica the relay at a time, so events of one aggregate
 * never overtake each other across replicas. Delivery is at least once: consumers deduplicate by event id. Runs on the
 * kit's {@link WorkerLoop} with the workers' {@link WorkMetrics} ({@code work=outbox-relay}): claimed = events read in a
 * pass, succeeded = acknowledged, retried = a pass stopped by a refused send (the event is sent again next pass).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among the advisory locks of a database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final WorkMetrics work;
    private final WorkerLoop loop;
    private volatile Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("portal.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(meters);
        this.failures = Counter.builder("portal.outbox.publish.failures")
                .description("Relay passes that stopped because Kafka did not acknowledge an event").register(meters);
        Gauge.builder("portal.outbox.pending", this::pendingCount)
                .description("Outbox events not yet acknowledged by Kafka").register(meters);
        this.work = new WorkMetrics("outbox-relay", meters);
        // Stopping lets the pass under way get its acknowledgements and mark them.
        this.loop = new WorkerLoop("outbox-relay", properties.pollInterval(), properties.sendTimeout(), this::relayQuietly);
    }

    /** One relay pass: sends the oldest pending events in order and stamps those Kafka acknowledged. */
    public int relayPending() {
        Integer count = transaction.execute(status -> {
            boolean relay = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK).query(Boolean.class).single());
            return relay ? sendBatch() : 0;
        });
        return count == null ? 0 : count;
    }

    private int sendBatch() {
        List<PendingEvent> batch = jdbc.sql("""
                        SELECT position, event_id, topic, message_key, event_type, subject, payload, traceparent, occurred_at
                        FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT :limit""")
                .param("limit", properties.batchSize())
                .query(OutboxRelay::pendingEvent)
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        Timer.Sample started = Timer.start();
        work.claimed(batch.size());
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        Exception refused = null;
        try {
            for (PendingEvent event : batch) {
                acks.add(kafka.send(toRecord(event)));
            }
            kafka.flush();
        } catch (RuntimeException e) {
            // Without a broker, send() gives up after max.block.ms instead of returning a future.
            refused = e;
        }
        int acknowledged = 0;
        for (; acknowledged < acks.size(); acknowledged++) {
            try {
                acks.get(acknowledged).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // The idempotent producer keeps a partition's order, so nothing after this one is trusted either.
                refused = e;
                break;
            }
        }
        markPublished(batch.subList(0, acknowledged));
        published.increment(acknowledged);
        work.succeeded(acknowledged);
        if (refused != null && acknowledged < batch.size()) {
            recordFailure(batch.get(acknowledged), refused);
            work.retried();
        }
        started.stop(work.batchDuration());
        return acknowledged;
    }

    /** One statement for the whole acknowledged part of the batch (it was one per event). */
    private void markPublished(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String positions = events.stream().map(event -> Long.toString(event.position()))
                .collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("""
                        UPDATE outbox_event SET published_at = :now, attempts = attempts + 1
                        WHERE position = ANY(CAST(:positions AS BIGINT[]))""")
                .param("now", Timestamp.from(clock.instant()))
                .param("positions", positions)
                .update();
    }

    private void recordFailure(PendingEvent event, Exception e) {
        failures.increment();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        log.warn("Kafka did not acknowledge outbox event {} ({} on {}); will retry: {}",
                event.eventId(), event.eventType(), event.topic(), cause.toString());
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE position = :position")
                .param("error", cause.toString())
                .param("position", event.position())
                .update();
    }

    private static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.create(event.topic(), event.messageKey(),
                event.eventId().toString(), event.eventType(), event.occurredAt().toInstant(), event.subject(),
                event.payload());
        if (event.traceparent() != null) {
            record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** One pass of the loop; returns whether a full batch went out, so that the next one runs at once. */
    private boolean relayQuietly() {
        try {
            int sent = relayPending();
            deletePublishedPastRetention();
            return sent == properties.batchSize();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay pass failed; will retry: {}", e.toString());
            return false;
        }
    }

    private void deletePublishedPastRetention() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plusSeconds(3600);
        jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(properties.retention())))
                .update();
    }

    private double pendingCount() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }

    /**
     * By column name, by hand: the relay reads every event the platform publishes, so its one query gets a mapper that
     * does nothing per column beyond the read (JdbcClient's record mapper threw a driver exception for each camelCase
     * component first, four per event; read models elsewhere use the kit's SnakeCaseRecords).
     */
    private static PendingEvent pendingEvent(ResultSet row, int number) throws SQLException {
        return new PendingEvent(row.getLong("position"), row.getObject("event_id", UUID.class), row.getString("topic"),
                row.getString("message_key"), row.getString("event_type"), row.getString("subject"),
                row.getBytes("payload"), row.getString("traceparent"), row.getTimestamp("occurred_at"));
    }

    record PendingEvent(long position, UUID eventId, String topic, String messageKey, String eventType, String subject,
            byte[] payload, String traceparent, Timestamp occurredAt) {
    }
}
