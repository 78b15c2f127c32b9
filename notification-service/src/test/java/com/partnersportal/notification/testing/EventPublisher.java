package com.partnersportal.notification.testing;

import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as their owners' outbox relays do: JSON payload, CloudEvents headers, keyed by the aggregate. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a new event and returns its id. */
    public String publish(String topic, UUID aggregate, String type, Object payload) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, aggregate, eventId, type, payload);
        return eventId;
    }

    /** Publishes with a given event id: the same id twice is a redelivery. */
    public void publish(String topic, UUID aggregate, String eventId, String type, Object payload) {
        try {
            producer.send(CloudEventRecords.create(topic, aggregate.toString(), eventId, type, Instant.now(),
                    aggregate.toString(), EventJson.write(payload))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(1));
    }
}
