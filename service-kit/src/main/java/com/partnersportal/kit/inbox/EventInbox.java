package com.partnersportal.kit.inbox;

import com.partnersportal.kit.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotent front of every event consumer. The event's id is recorded in {@code processed_event}
 * in the same transaction as the handler's effect, so a redelivered event changes nothing, and a
 * handler that throws leaves no record: the binder retries it and finally parks it on the dead-letter
 * topic.
 *
 * <p>A batch binding ({@link #batchConsumer}) handles a whole poll in one transaction: one statement records every
 * event of it, the handlers run in order for those seen for the first time, one commit. An event that cannot be
 * handled is found by handling the batch's events one by one; the events before it are kept, and the container's
 * error handler ({@link BatchDeadLetters}) retries from it and finally parks it on the dead-letter topic, as for a
 * single-event binding.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final String consumer;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EventInbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters, String consumer) {
        this(jdbc, transaction, meters, consumer, null, null);
    }

    /** With a tracer, each event of a batch continues its publisher's trace (its {@code traceparent} header). */
    public EventInbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters, String consumer,
            Tracer tracer, Propagator propagator) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meters = meters;
        this.consumer = consumer;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * A message consumer for a Spring Cloud Stream binding that hands each new event to its route. A failure
     * is counted and rethrown, so the binder retries with backoff and then dead-letters the message.
     */
    public Consumer<Message<byte[]>> consumer(EventRoutes routes) {
        Counter failures = Counter.builder("portal.events.failures")
                .description("Deliveries whose handling failed and will be retried or dead-lettered")
                .tag("consumer", consumer)
                .register(meters);
        countFromZero(routes);
        return message -> {
            try {
                receive(InboundEvent.from(message), routes);
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Handling a message failed; the binder retries it, then parks it on the dead-letter topic: {}",
                        e.toString());
                throw e;
            }
        };
    }

    /**
     * A consumer for a batch binding ({@code consumer.batch-mode: true}): a poll's events in one transaction. A
     * failure names the event that failed ({@link BatchListenerFailedException}), so only it is retried and finally
     * dead-lettered; the events before it are handled once and kept.
     */
    public Consumer<Message<List<byte[]>>> batchConsumer(EventRoutes routes) {
        Counter failures = Counter.builder("portal.events.failures")
                .description("Deliveries whose handling failed and will be retried or dead-lettered")
                .tag("consumer", consumer)
                .register(meters);
        countFromZero(routes);
        return message -> receiveBatch(deliveries(message), routes, failures);
    }

    /** One record of a batch: the event, or why it can never be handled, and its headers (for its trace). */
    private record Delivery(InboundEvent event, RuntimeException malformed, Map<String, Object> headers) {
    }

    @SuppressWarnings("unchecked")
    private static List<Delivery> deliveries(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        List<Map<String, Object>> headers = (List<Map<String, Object>>) message.getHeaders()
                .get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Delivery> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> h = headers == null ? Map.of() : headers.get(i);
            try {
                out.add(new Delivery(InboundEvent.from(h, payloads.get(i)), null, h));
            } catch (RuntimeException e) {
                out.add(new Delivery(null, e, h));
            }
        }
        return out;
    }

    private void receiveBatch(List<Delivery> deliveries, EventRoutes routes, Counter failures) {
        int malformed = 0;
        while (malformed < deliveries.size() && deliveries.get(malformed).malformed() == null) {
            malformed++;
        }
        List<Delivery> good = deliveries.subList(0, malformed);
        if (!good.isEmpty()) {
            try {
                receiveTogether(good, routes);
            } catch (RuntimeException e) {
                log.warn("Handling {} events together failed; handling them one by one: {}", good.size(), e.toString());
                for (int i = 0; i < good.size(); i++) {
                    Delivery delivery = good.get(i);
                    try {
                        traced(delivery, () -> receive(delivery.event(), routes));
                    } catch (RuntimeException failure) {
                        throw failed(failures, failure, i);
                    }
                }
            }
        }
        if (malformed < deliveries.size()) {
            throw failed(failures, deliveries.get(malformed).malformed(), malformed);
        }
    }

    private RuntimeException failed(Counter failures, RuntimeException cause, int index) {
        failures.increment();
        log.warn("Handling a message failed; the binder retries it, then parks it on the dead-letter topic: {}",
                cause.toString());
        return new BatchListenerFailedException(cause.getMessage(), cause, index);
    }

    private void receiveTogether(List<Delivery> batch, EventRoutes routes) {
        // One span per event, continuing its publisher's trace, for both its handling and its count after the commit.
        List<Span> spans = new ArrayList<>(batch.size());
        batch.forEach(delivery -> spans.add(span(delivery)));
        try {
            Set<String> firstTimes = new HashSet<>();
            transaction.executeWithoutResult(status -> {
                Set<String> recorded = recordFirstDeliveries(batch);
                for (int i = 0; i < batch.size(); i++) {
                    InboundEvent event = batch.get(i).event();
                    if (recorded.remove(event.id())) {
                        firstTimes.add(event.id());
                        inSpan(spans.get(i), () -> routes.routeFor(event.type()).ifPresentOrElse(
                                route -> deliver(route, event),
                                () -> log.info("Ignoring event {} of type {}: {} has no handler for it", event.id(),
                                        event.type(), consumer)));
                    }
                }
            });
            for (int i = 0; i < batch.size(); i++) {
                InboundEvent event = batch.get(i).event();
                inSpan(spans.get(i), () -> counted(event, firstTimes.remove(event.id())));
            }
        } finally {
            spans.forEach(span -> {
                if (span != null) {
                    span.end();
                }
            });
        }
    }

    /** @return the ids of the events recorded now, i.e. seen for the first time */
    private Set<String> recordFirstDeliveries(List<Delivery> batch) {
        List<Map<String, String>> rows = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", delivery.event().id());
            row.put("type", delivery.event().type());
            row.put("subject", delivery.event().subject());
            rows.add(row);
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO processed_event (consumer, event_id, event_type, subject)
                        SELECT :consumer, e.id, e.type, e.subject
                        FROM jsonb_to_recordset(CAST(:events AS jsonb)) AS e(id text, type text, subject text)
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .param("consumer", consumer)
                .param("events", JSON.writeValueAsString(rows))
                .query(String.class).list());
    }

    /** Runs the work in a span that continues the event's publisher's trace (its traceparent header). */
    private void traced(Delivery delivery, Runnable work) {
        Span span = span(delivery);
        try {
            inSpan(span, work);
        } finally {
            if (span != null) {
                span.end();
            }
        }
    }

    /** A started span continuing the event's publisher's trace; null without a tracer. */
    private Span span(Delivery delivery) {
        if (tracer == null || propagator == null) {
            return null;
        }
        return propagator.extract(delivery.headers(), (carrier, key) -> InboundEvent.text(carrier.get(key)))
                .name(consumer + " receive").kind(Span.Kind.CONSUMER).start();
    }

    private void inSpan(Span span, Runnable work) {
        if (span == null) {
            work.run();
            return;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        }
    }

    void receive(InboundEvent event, EventRoutes routes) {
        boolean firstTime = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!recordFirstDelivery(event)) {
                return false;
            }
            routes.routeFor(event.type()).ifPresentOrElse(
                    route -> deliver(route, event),
                    () -> log.info("Ignoring event {} of type {}: {} has no handler for it", event.id(), event.type(), consumer));
            return true;
        }));
        counted(event, firstTime);
    }

    private void counted(InboundEvent event, boolean firstTime) {
        if (firstTime) {
            counter("portal.events.consumed", CONSUMED, event.type()).increment();
            log.info("Consumed event {} of type {} for {}", event.id(), event.type(), event.subject());
        } else {
            counter("portal.events.duplicates", DUPLICATES, event.type()).increment();
            log.info("Skipped duplicate event {} of type {}", event.id(), event.type());
        }
    }

    private boolean recordFirstDelivery(InboundEvent event) {
        return jdbc.sql("""
                        INSERT INTO processed_event (consumer, event_id, event_type, subject)
                        VALUES (:consumer, :id, :type, :subject)
                        ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("id", event.id())
                .param("type", event.type())
                .param("subject", event.subject())
                .update() == 1;
    }

    private static <T> void deliver(EventRoutes.Route<T> route, InboundEvent event) {
        T payload;
        try {
            payload = EventJson.read(event.payload(), route.payloadType());
        } catch (JacksonException e) {
            throw new InboundEvent.MalformedEvent("event " + event.id() + " has an unreadable payload: " + e.getOriginalMessage());
        }
        route.deliver(payload, event);
    }

    /**
     * The routed types' consumed and duplicate counters exist from the start, at zero, so that dashboards and alerts
     * see them before the first redelivery ever happens.
     */
    private void countFromZero(EventRoutes routes) {
        for (String type : routes.types()) {
            counter("portal.events.consumed", CONSUMED, type);
            counter("portal.events.duplicates", DUPLICATES, type);
        }
    }

    private static final String CONSUMED = "Events handled for the first time";
    private static final String DUPLICATES = "Redelivered events recognised and skipped";

    /** Counters are looked up once per name and event type, not built for every event. */
    private Counter counter(String name, String description, String eventType) {
        return counters.computeIfAbsent(name + '\u0000' + eventType, key -> Counter.builder(name).description(description)
                .tag("consumer", consumer)
                .tag("event_type", eventType)
                .register(meters));
    }
}
