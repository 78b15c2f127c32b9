package com.partnersportal.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's view of a dead-letter topic ({@code error.<topic>.<consumer>}): {@code list} shows what is
 * parked there and why; {@code replay} publishes each parked record back to the topic it came from, once
 * (the replay's consumer group remembers what it has replayed). Consumers deduplicate by event id, so a
 * replay of something already handled is harmless.
 *
 * <p>Run through {@code ./portal dead-letters list|replay <topic>}; the broker is {@code KAFKA_BOOTSTRAP_SERVERS}
 * (default {@code 127.0.0.1:9092}).
 */
public final class DeadLetters {

    private static final String REPLAY_GROUP = "portal-dead-letter-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;

    DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("list", "replay").contains(args[0])) {
            System.err.println("usage: ./portal dead-letters list|replay <dead-letter topic>");
            System.exit(2);
        }
        DeadLetters deadLetters = new DeadLetters(
                Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("127.0.0.1:9092"));
        int count = args[0].equals("list") ? deadLetters.list(args[1]) : deadLetters.replay(args[1]);
        System.out.printf("%d record(s) %s.%n", count, args[0].equals("list") ? "parked" : "replayed");
    }

    int list(String topic) {
        return readToEnd(topic, "portal-dead-letter-list-" + UUID.randomUUID(), record -> System.out.printf(
                "%s-%d@%d key=%s type=%s id=%s%n  from: %s%n  why:  %s%n  body: %s%n",
                topic, record.partition(), record.offset(), text(record.key()), header(record, "ce_type"),
                header(record, "ce_id"), header(record, "original-topic"), firstLine(header(record, "exception-message")),
                abbreviate(text(record.value()))));
    }

    int replay(String topic) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            return readToEnd(topic, REPLAY_GROUP, record -> {
                String original = header(record, "original-topic");
                if (original == null) {
                    throw new IllegalStateException("record %d@%d names no original topic".formatted(record.partition(), record.offset()));
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!isDeadLetterHeader(header.key())) {
                        headers.add(header);
                    }
                }
                try {
                    producer.send(new ProducerRecord<>(original, null, record.key(), record.value(), headers)).get();
                } catch (Exception e) {
                    throw new IllegalStateException("could not republish to " + original, e);
                }
                System.out.printf("replayed %s-%d@%d to %s%n", topic, record.partition(), record.offset(), original);
            });
        }
    }

    /** Reads every record present now, then commits the group's position (so a replay never repeats). */
    private int readToEnd(String topic, String group, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int count = 0;
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    each.accept(record);
                    count++;
                }
                consumer.commitSync();
            }
            return count;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    /** The Kafka binder names its headers {@code x-original-topic} or {@code kafka_dlt-original-topic}, by version. */
    private static String header(ConsumerRecord<byte[], byte[]> record, String suffix) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .filter(header -> header.key().equals(suffix) || header.key().endsWith("-" + suffix))
                .reduce((first, last) -> last)
                .map(header -> text(header.value()))
                .orElse(null);
    }

    private static boolean isDeadLetterHeader(String key) {
        return key.startsWith("x-exception") || key.startsWith("x-original") || key.startsWith("kafka_dlt-");
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstLine(String text) {
        return text == null ? null : text.lines().findFirst().orElse("");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
