package com.partnersportal.webhooks.testing;

import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
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

/** Publishes orders-service's order events as it does (CloudEvents headers, JSON, keyed by order id). */
public final class OrderEvents implements AutoCloseable {

    private static final Actor ACTOR = new Actor(Actor.API_TOKEN, "test-token");

    private final KafkaProducer<String, byte[]> producer;

    public OrderEvents(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One order of a merchant, in Saudi riyals. */
    public record Order(UUID id, UUID merchant, String reference) {

        public static Order of(UUID merchant) {
            UUID id = UUID.randomUUID();
            return new Order(id, merchant, "REF-" + id.toString().substring(0, 8));
        }

        OrderSnapshot snapshot(String status, String previous) {
            Money zero = Money.zero(Currency.SAR);
            return new OrderSnapshot(id, merchant, UUID.randomUUID(), reference, "N-" + reference, status, previous, "SA",
                    "PAY_BY_INSTALMENTS", new OrderTotals(Money.of("300.00", Currency.SAR), zero, zero, zero));
        }
    }

    /** An event as it went out, to publish the very same one again (a redelivery). */
    public record Sent(String eventId, String type, byte[] payload, String key) {
    }

    public Sent approved(Order order) {
        return send(order, OrderApproved.TYPE, new OrderApproved(order.snapshot("approved", "new"), ACTOR, Instant.now()));
    }

    public Sent authorised(Order order) {
        return send(order, OrderAuthorised.TYPE, new OrderAuthorised(order.snapshot("authorised", "approved"), false, ACTOR,
                Instant.now()));
    }

    public Sent captured(Order order, UUID captureId, String amount) {
        return send(order, OrderCaptured.TYPE, new OrderCaptured(order.snapshot("fully_captured", "authorised"), captureId,
                Money.of(amount, Currency.SAR), false, ACTOR, Instant.now()));
    }

    public Sent refunded(Order order, UUID refundId, UUID captureId, String amount) {
        return send(order, OrderRefunded.TYPE, new OrderRefunded(order.snapshot("partially_refunded", "fully_captured"),
                refundId, captureId, Money.of(amount, Currency.SAR), "Returned", "MR-1",
                List.of(new OrderRefunded.Allocation(captureId, Money.of(amount, Currency.SAR))), ACTOR, Instant.now()));
    }

    public Sent canceled(Order order, UUID cancelId, String amount) {
        return send(order, OrderCanceled.TYPE, new OrderCanceled(order.snapshot("canceled", "authorised"), cancelId,
                Money.of(amount, Currency.SAR), ACTOR, Instant.now()));
    }

    public Sent declined(Order order) {
        return send(order, OrderDeclined.TYPE, new OrderDeclined(order.snapshot("declined", "new"), "Consumer not eligible",
                "consumer_not_eligible", "soft", ACTOR, Instant.now()));
    }

    public Sent expired(Order order) {
        return send(order, OrderExpired.TYPE, new OrderExpired(order.snapshot("expired", "new"), ACTOR, Instant.now()));
    }

    public void resend(Sent sent) {
        publish(sent);
    }

    /** The order's approval as it would be published, under the given key, not sent. */
    public ProducerRecord<String, byte[]> approvedRecord(Order order, String key) {
        return CloudEventRecords.create(OrderTopics.ORDER_EVENTS, key, UUID.randomUUID().toString(), OrderApproved.TYPE,
                Instant.now(), order.id().toString(),
                EventJson.write(new OrderApproved(order.snapshot("approved", "new"), ACTOR, Instant.now())));
    }

    /** Sends the records together (one flush), so that a consumer takes them in one poll. */
    public void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        records.forEach(producer::send);
        producer.flush();
    }

    private Sent send(Order order, String type, Object payload) {
        Sent sent = new Sent(UUID.randomUUID().toString(), type, EventJson.write(payload), order.id().toString());
        publish(sent);
        return sent;
    }

    private void publish(Sent sent) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.create(OrderTopics.ORDER_EVENTS, sent.key(), sent.eventId(),
                sent.type(), Instant.now(), sent.key(), sent.payload());
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
