package com.partnersportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.contracttest.ContractSamples;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.kit.events.CloudEventRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What every event consumer of the platform promises, proven against a real broker and database:
 * an event arrives and has its effect once; a redelivery has no second effect; a message that cannot be
 * handled is retried and then parked on the dead-letter topic; every sample its publisher's contract module has
 * ever committed for the topic is still read. A consumer's IT extends this and says what its effect is. The events
 * are the contract module's committed samples ({@link SampleEvent}, ADR 16), not payloads built from the records the
 * consumer itself reads, so a wire change on either side fails here.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
public abstract class IdempotentConsumerContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    private String brokers;
    @Value("${spring.application.name}")
    private String consumer;
    @Autowired
    private MeterRegistry meters;

    private KafkaProducer<String, byte[]> producer;

    /** The topic this consumer reads. */
    protected abstract String topic();

    /** The CloudEvents type of {@link #payloadFor}. */
    protected abstract String eventType();

    /** A valid payload about the given aggregate, as its publisher writes it: the newest sample of {@link #eventType}. */
    protected byte[] payloadFor(UUID aggregateId) {
        return prepare(SampleEvent.of(topic(), eventType()).about(aggregateId)).payload();
    }

    /** A new aggregate for an event to be about; a random id unless the consumer needs it to exist first. */
    protected UUID newAggregate() {
        return UUID.randomUUID();
    }

    /**
     * What the consumer needs before a sample about a new aggregate can have its effect (for example the legal
     * entity an order names); the sample as it is by default.
     */
    protected SampleEvent prepare(SampleEvent event) {
        return event;
    }

    /** How many times the consumer's effect is visible for the aggregate (rows written, for example). */
    protected abstract long effectsOf(UUID aggregateId);

    /** The retry attempts configured for the binding, including the first. */
    protected int maxAttempts() {
        return 4;
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close(Duration.ofSeconds(1));
    }

    @Test
    void anEventArrivesAndHasItsEffectOnce() {
        UUID aggregate = newAggregate();
        double consumedBefore = consumed();

        send(event(aggregate, UUID.randomUUID().toString()));

        await().atMost(PATIENCE).until(() -> effectsOf(aggregate) == 1);
        await().atMost(PATIENCE).until(() -> consumed() == consumedBefore + 1);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID aggregate = newAggregate();
        ProducerRecord<String, byte[]> event = event(aggregate, UUID.randomUUID().toString());
        double consumedBefore = consumed();
        double duplicatesBefore = duplicates();
        double failuresBefore = failures();

        send(event);
        send(event);

        await().atMost(PATIENCE).until(() -> duplicates() == duplicatesBefore + 1);
        assertThat(effectsOf(aggregate)).isEqualTo(1);
        assertThat(consumed()).isEqualTo(consumedBefore + 1);
        assertThat(failures()).isEqualTo(failuresBefore);
    }

    @Test
    void aMessageThatCannotBeHandledIsRetriedThenParkedOnTheDeadLetterTopic() {
        UUID aggregate = newAggregate();
        ProducerRecord<String, byte[]> poison = event(aggregate, UUID.randomUUID().toString());
        poison.headers().remove(CloudEventHeaders.ID);
        double failuresBefore = failures();

        try (TopicReader deadLetters = new TopicReader(brokers, deadLetterTopic())) {
            send(poison);

            deadLetters.awaitRecord(record -> aggregate.toString().equals(record.key()), PATIENCE);
        }
        assertThat(failures()).isEqualTo(failuresBefore + maxAttempts());
        assertThat(effectsOf(aggregate)).isZero();
    }

    @Test
    void everySampleEverCommittedForTheTopicIsStillRead() {
        List<SampleEvent> samples = ContractSamples.of(topic()).stream()
                .map(sample -> prepare(SampleEvent.from(sample, newAggregate()))).toList();
        Map<String, Double> expected = new HashMap<>();
        samples.forEach(sample -> expected.merge(sample.type(), 1.0, Double::sum));
        expected.replaceAll((type, count) -> count + count("portal.events.consumed", type));
        double failuresBefore = failures();

        samples.forEach(this::send);

        await().atMost(PATIENCE).until(() -> failures() > failuresBefore || expected.entrySet().stream()
                .allMatch(type -> count("portal.events.consumed", type.getKey()) >= type.getValue()));
        assertThat(failures()).as("failures reading the samples %s", samples.stream().map(SampleEvent::name).toList())
                .isEqualTo(failuresBefore);
    }

    /** Publishes a fresh, valid event about the aggregate, as its publisher would. */
    protected void publish(UUID aggregate) {
        send(event(aggregate, UUID.randomUUID().toString()));
    }

    @Test
    void theConsumerContinuesThePublishersTrace(CapturedOutput output) {
        UUID aggregate = newAggregate();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ProducerRecord<String, byte[]> event = event(aggregate, UUID.randomUUID().toString());
        event.headers().add("traceparent", utf8("00-" + traceId + "-00f067aa0ba902b7-01"));

        send(event);

        await().atMost(PATIENCE).until(() -> output.getOut().lines()
                .anyMatch(line -> line.contains("Consumed event") && line.contains(aggregate.toString())));
        assertThat(output.getOut().lines()
                .filter(line -> line.contains("Consumed event") && line.contains(aggregate.toString())))
                .singleElement().asString().contains(traceId);
    }

    /** Publishes the sample as its publisher would, under a new event id. */
    protected void send(SampleEvent event) {
        send(CloudEventRecords.create(event.topic(), event.key(), UUID.randomUUID().toString(), event.type(),
                Instant.now(), event.key(), event.payload()));
    }

    protected String deadLetterTopic() {
        return "error." + topic() + "." + consumer;
    }

    private ProducerRecord<String, byte[]> event(UUID aggregate, String eventId) {
        return CloudEventRecords.create(topic(), aggregate.toString(), eventId, eventType(), Instant.now(),
                aggregate.toString(), payloadFor(aggregate));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    private double consumed() {
        return count("portal.events.consumed", eventType());
    }

    private double duplicates() {
        return count("portal.events.duplicates", eventType());
    }

    private double failures() {
        return count("portal.events.failures", null);
    }

    private double count(String name, String type) {
        var search = meters.find(name).tag("consumer", consumer);
        if (type != null) {
            search = search.tag("event_type", type);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
