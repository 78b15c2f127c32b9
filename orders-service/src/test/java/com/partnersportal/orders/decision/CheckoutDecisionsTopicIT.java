package com.partnersportal.orders.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.kit.events.CloudEventRecords;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.contract.CheckoutTopics;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The checkout system's decisions arrive on their topic and move the order once, however often delivered. */
@OrdersIntegrationTest
class CheckoutDecisionsTopicIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovalOnTheTopicApprovesTheOrderAndARedeliveryChangesNothing() {
        Orders orders = new Orders(new OrdersApi(port), TestMerchants.register(jdbc));
        UUID approved = orders.saudiCheckout("REF-TOPIC-OK", "10.00");
        UUID declined = orders.saudiCheckout("REF-TOPIC-NO", "10.00");
        String eventId = UUID.randomUUID().toString();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new ByteArraySerializer())) {
            byte[] approval = EventJson.write(new CheckoutDecision(approved, "approved", null, null, null, Instant.now()));
            producer.send(CloudEventRecords.create(CheckoutTopics.DECISIONS, approved.toString(), eventId,
                    CheckoutDecision.TYPE, Instant.now(), approved.toString(), approval));
            producer.send(CloudEventRecords.create(CheckoutTopics.DECISIONS, approved.toString(), eventId,
                    CheckoutDecision.TYPE, Instant.now(), approved.toString(), approval));
            producer.send(CloudEventRecords.create(CheckoutTopics.DECISIONS, declined.toString(),
                    UUID.randomUUID().toString(), CheckoutDecision.TYPE, Instant.now(), declined.toString(),
                    EventJson.write(new CheckoutDecision(declined, "declined", "risk", "R12", "hard", Instant.now()))));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(orders.get(approved).text("status")).isEqualTo("approved");
            assertThat(orders.get(declined).text("status")).isEqualTo("declined");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM order_change WHERE order_id = :order AND kind = 'approved'")
                .param("order", approved).query(Long.class).single()).isEqualTo(1);
    }
}
