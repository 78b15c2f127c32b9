package com.partnersportal.kit.inbox;

import com.partnersportal.kit.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * The idempotent front of every event consumer. The event's id is recorded in {@code processed_event}
 * in the same transaction as the handler's effect, so a redelivered event changes nothing, and a
 * handler that throws leaves no record: the binder retries it and finally parks it on the dead-letter
 * topic.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final String consumer;

    public EventInbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters, String consumer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meters = meters;
        this.consumer = consumer;
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
        if (firstTime) {
            counter("portal.events.consumed", "Events handled for the first time", event).increment();
            log.info("Consumed event {} of type {} for {}", event.id(), event.type(), event.subject());
        } else {
            counter("portal.events.duplicates", "Redelivered events recognised and skipped", event).increment();
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

    private Counter counter(String name, String description, InboundEvent event) {
        return Counter.builder(name).description(description)
                .tag("consumer", consumer)
                .tag("event_type", event.type())
                .register(meters);
    }
}
