package com.partnersportal.orders.checkout;

import com.partnersportal.testsupport.IdentityStandIn;
import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.TestMerchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.testsupport.BrokerAddress;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestInfrastructure;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka is down when the merchant checks out: the order is still accepted (it and its event are in the
 * database), readiness says the broker is missing, and the event is published once a broker is back.
 * Its own context (its own properties) is closed afterwards, so that its consumers leave the group to the others.
 */
@ServiceIntegrationTest
@IdentityStandIn.Used
@DirtiesContext
class OrderAcceptedWhileBrokerDownIT {

    private static final BrokerAddress BROKER = BrokerAddress.unreachable();

    @DynamicPropertySource
    static void brokerThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("portal.outbox.send-timeout", () -> "2s");
        // Without a broker the revocation view never loads and every token caller would be told to come back (ADR
        // 15); this test is about the outbox, so the API token is checked without the view.
        registry.add("portal.auth.revocations.enabled", () -> "false");
        registry.add("management.endpoint.health.group.readiness.include", () -> "readinessState,db,kafka");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrderAcceptedWhileKafkaIsDownIsPublishedOnceItIsBack() {
        ResponseEntity<String> accepted = http().post().uri("/checkout").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + IdentityStandIn.apiToken(TestMerchants.register(jdbc)))
                .body(CheckoutBodies.saudiOrder("REF-OUTAGE"))
                .retrieve().toEntity(String.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        String orderId = JsonMapper.builder().build().readTree(accepted.getBody()).get("order_id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOf(orderId) >= 1);
        assertThat(isPublished(orderId)).isFalse();
        assertThat(readinessStatus()).isEqualTo(503);

        String broker = TestInfrastructure.kafka().bootstrapServers();
        BROKER.forwardTo(broker);
        try (TopicReader orderEvents = new TopicReader(broker, OrderTopics.ORDER_EVENTS)) {
            orderEvents.awaitRecord(record -> orderId.equals(record.key()), Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(orderId));
            assertThat(orderEvents.recordsMatching(record -> orderId.equals(record.key()))).hasSize(1);
        } finally {
            BROKER.close();
        }
    }

    private int attemptsOf(String orderId) {
        return jdbc.sql("SELECT attempts FROM outbox_event WHERE message_key = :key").param("key", orderId)
                .query(Integer.class).single();
    }

    private boolean isPublished(String orderId) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_event WHERE message_key = :key")
                .param("key", orderId).query(Boolean.class).single();
    }

    private int readinessStatus() {
        return http().get().uri("/actuator/health/readiness").retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toBodilessEntity().getStatusCode().value();
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }
}
