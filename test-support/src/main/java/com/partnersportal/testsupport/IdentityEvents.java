package com.partnersportal.testsupport;

import com.partnersportal.identity.contract.ApiTokenRevoked;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.events.EventJson;
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
        userAccessRevoked(bootstrapServers, userId, merchantId, "disabled");
    }

    /** As identity publishes it for {@code reason} ({@code disabled, removed, rights_changed, ...}). */
    public static void userAccessRevoked(String bootstrapServers, UUID userId, UUID merchantId, String reason) {
        Instant now = Instant.now();
        publish(bootstrapServers, userId.toString(), UserAccessRevoked.TYPE, EventJson.write(new UserAccessRevoked(userId,
                merchantId, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), reason, now)));
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
            ProducerRecord<String, byte[]> record = CloudEventRecords.create(IdentityTopics.USER_EVENTS, key,
                    UUID.randomUUID().toString(), type, Instant.now(), key, payload);
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + type, e.getCause());
        }
    }
}
