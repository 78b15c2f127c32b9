package com.partnersportal.testsupport;

import com.partnersportal.identity.contract.ApiTokenRevoked;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.kit.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes identity's revocation events as identity-service's outbox relay does, for services' tests. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** The user's access tokens issued up to now (this second included) stop working. */
    public static void userAccessRevoked(String bootstrapServers, UUID userId, UUID merchantId) {
        Instant now = Instant.now();
        publish(bootstrapServers, userId.toString(), UserAccessRevoked.TYPE, EventJson.write(new UserAccessRevoked(userId,
                merchantId, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), "disabled", now)));
    }

    public static void apiTokenRevoked(String bootstrapServers, UUID tokenId, UUID merchantId) {
        publish(bootstrapServers, tokenId.toString(), ApiTokenRevoked.TYPE,
                EventJson.write(new ApiTokenRevoked(tokenId, merchantId, Instant.now())));
    }

    private static void publish(String bootstrapServers, String key, String type, byte[] payload) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(IdentityTopics.USER_EVENTS, key, payload);
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.SPEC_VERSION,
                    CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + type, e.getCause());
        }
    }
}
