package com.partnersportal.kit.caller;

import com.partnersportal.identity.contract.ApiTokenRevoked;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.kit.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads identity's user events into this process's {@link Revocations}. Every replica of every service reads every
 * partition itself (assigned, no consumer group: a revocation must reach all of them, and no rebalance delays it),
 * starting from the events published within the look-back (the access-token lifetime plus a margin: an older
 * revocation concerns only tokens that have expired anyway). The view counts as loaded once everything published
 * before the start has been read. If the broker is down the feed keeps trying; a view loaded once stays in use.
 */
public class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

    private final Revocations revocations;
    private final String bootstrapServers;
    private final Duration lookBack;
    private final Clock clock;
    private final String clientId;
    private final Duration startWait;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param startWait how long the application's start waits for the view to load, so that a replica takes
     *                  traffic only once it can tell revoked access (the broker being down delays it by this much)
     */
    public RevocationFeed(Revocations revocations, String bootstrapServers, Duration lookBack, Clock clock,
            String clientId, Duration startWait) {
        this.startWait = startWait;
        this.revocations = revocations;
        this.bootstrapServers = bootstrapServers;
        this.lookBack = lookBack;
        this.clock = clock;
        this.clientId = clientId;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("revocation-feed").start(this::run);
        long deadline = System.nanoTime() + startWait.toNanos();
        while (!revocations.loaded() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        if (!revocations.loaded()) {
            log.warn("Revocations not loaded after {}: token callers get 503 until they are", startWait);
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reading revocations from {} failed, trying again in {}: {}", IdentityTopics.USER_EVENTS,
                        backoff, e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void follow() {
        createTopicIfMissing();
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
            consumer = kafka;
            List<TopicPartition> partitions = kafka.partitionsFor(IdentityTopics.USER_EVENTS, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            kafka.assign(partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            long from = clock.millis() - lookBack.toMillis();
            partitions.forEach(partition -> since.put(partition, from));
            Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(since, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                kafka.seek(partition, start == null ? ends.get(partition) : start.offset());
            }
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!revocations.loaded() && partitions.stream().allMatch(p -> kafka.position(p) >= ends.get(p))) {
                    revocations.markLoaded();
                    log.info("Revocations loaded from {} ({} partitions)", IdentityTopics.USER_EVENTS, partitions.size());
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE).orElse("");
        try {
            if (UserAccessRevoked.TYPE.equals(type)) {
                UserAccessRevoked revoked = EventJson.read(record.value(), UserAccessRevoked.class);
                revocations.userRevoked(revoked.userId().toString(), revoked.notBefore());
            } else if (ApiTokenRevoked.TYPE.equals(type)) {
                revocations.apiTokenRevoked(EventJson.read(record.value(), ApiTokenRevoked.class).tokenId());
            }
        } catch (RuntimeException e) {
            log.error("A {} event at {}-{}@{} could not be read; it is skipped", type, record.topic(),
                    record.partition(), record.offset(), e);
        }
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private void createTopicIfMissing() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            admin.createTopics(List.of(new NewTopic(IdentityTopics.USER_EVENTS, Optional.of(3), Optional.empty())))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot reach the broker", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
