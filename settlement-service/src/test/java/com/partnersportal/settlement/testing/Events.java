package com.partnersportal.settlement.testing;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.orders.contract.OrderTotals;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes identity's and orders-service's events as they do (CloudEvents headers, JSON payload, keyed by the
 * aggregate), so that settlement-service consumes them through its real bindings.
 */
public final class Events implements AutoCloseable {

    private static final Actor ACTOR = new Actor(Actor.API_TOKEN, "test-token");

    private final KafkaProducer<String, byte[]> producer;

    public Events(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A legal entity as identity registers it. */
    public void legalEntity(UUID merchant, UUID entity, String country, String currency, String timeZone, String vatNumber) {
        var event = new LegalEntityRegistered(entity, merchant, "Test Trading " + country, "شركة الاختبار التجارية " + country,
                country, currency, "1010" + Math.abs(entity.getLeastSignificantBits() % 1000000), vatNumber,
                "Olaya St 1, Riyadh", timeZone, Instant.now());
        send(IdentityTopics.MERCHANT_EVENTS, merchant.toString(), UUID.randomUUID().toString(),
                LegalEntityRegistered.TYPE, EventJson.write(event));
    }

    /** An order of one entity, to capture, refund and cancel. */
    public record Order(UUID id, UUID merchant, UUID entity, String country, Currency currency, String reference) {

        public static Order of(UUID merchant, UUID entity, String country, Currency currency) {
            UUID id = UUID.randomUUID();
            return new Order(id, merchant, entity, country, currency, "REF-" + id.toString().substring(0, 8));
        }

        OrderSnapshot snapshot(String status) {
            Money zero = Money.zero(currency);
            return new OrderSnapshot(id, merchant, entity, reference, "N-" + reference, status, null, country,
                    "PAY_BY_INSTALMENTS", new OrderTotals(zero, zero, zero, zero));
        }

        Money money(String amount) {
            return Money.of(amount, currency);
        }
    }

    /** An event as it went out, to publish the very same one again (a redelivery). */
    public record Sent(String topic, String key, String eventId, String type, byte[] payload) {
    }

    public Sent captured(Order order, UUID captureId, String amount, Instant at) {
        return send(order, OrderCaptured.TYPE, new OrderCaptured(order.snapshot("fully_captured"), captureId,
                order.money(amount), false, ACTOR, at));
    }

    public Sent refunded(Order order, UUID refundId, List<OrderRefunded.Allocation> allocations, String amount,
            Instant at) {
        return send(order, OrderRefunded.TYPE, new OrderRefunded(order.snapshot("partially_refunded"), refundId,
                allocations.getFirst().captureId(), order.money(amount), "Returned", "MR-" + refundId.toString().substring(0, 6),
                allocations, ACTOR, at));
    }

    public Sent refunded(Order order, UUID refundId, UUID captureId, String amount, Instant at) {
        return refunded(order, refundId, List.of(new OrderRefunded.Allocation(captureId, order.money(amount))), amount, at);
    }

    public Sent canceled(Order order, UUID cancelId, String amount, Instant at) {
        return send(order, OrderCanceled.TYPE, new OrderCanceled(order.snapshot("canceled"), cancelId, order.money(amount),
                ACTOR, at));
    }

    /** Publishes an event again with the same event id, as a redelivery would. */
    public void resend(Sent sent) {
        send(sent.topic(), sent.key(), sent.eventId(), sent.type(), sent.payload());
    }

    private Sent send(Order order, String type, Object payload) {
        Sent sent = new Sent(OrderTopics.ORDER_EVENTS, order.id().toString(), UUID.randomUUID().toString(), type,
                EventJson.write(payload));
        resend(sent);
        return sent;
    }

    public void send(String topic, String key, String eventId, String type, byte[] payload) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.create(topic, key, eventId, type, Instant.now(), key, payload);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(1));
    }
}
