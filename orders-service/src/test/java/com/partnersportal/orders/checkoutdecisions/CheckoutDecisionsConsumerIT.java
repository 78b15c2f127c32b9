package com.partnersportal.orders.checkoutdecisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.contract.CheckoutTopics;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The checkout system's decisions arrive on their topic and move the order once, however often delivered. */
@OrdersIntegrationTest
class CheckoutDecisionsConsumerIT extends IdempotentConsumerContract {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Orders orders;

    @BeforeEach
    void merchant() {
        orders = new Orders(new OrdersApi(port), TestMerchants.register(jdbc));
    }

    @Override
    protected String topic() {
        return CheckoutTopics.DECISIONS;
    }

    @Override
    protected String eventType() {
        return CheckoutDecision.TYPE;
    }

    /** A decision is about an order that exists: a new one, waiting for it. */
    @Override
    protected UUID newAggregate() {
        return orders.saudiCheckout("REF-" + UUID.randomUUID(), "10.00");
    }

    /** The sample approves: the order's approval, recorded once in its history. */
    @Override
    protected long effectsOf(UUID order) {
        return jdbc.sql("SELECT count(*) FROM order_change WHERE order_id = :order AND kind = 'approved'")
                .param("order", order).query(Long.class).single();
    }

    @Test
    void anApprovalOnTheTopicApprovesTheOrderAndARedeliveryChangesNothing() {
        UUID approved = orders.saudiCheckout("REF-TOPIC-OK", "10.00");
        UUID declined = orders.saudiCheckout("REF-TOPIC-NO", "10.00");

        publish(approved);
        send(SampleEvent.of(topic(), eventType()).about(declined).with("/decision", "declined")
                .with("/declined_reason", "risk").with("/declined_code", "R12").with("/decline_type", "hard"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(orders.get(approved).text("status")).isEqualTo("approved");
            assertThat(orders.get(declined).text("status")).isEqualTo("declined");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM order_change WHERE order_id = :order AND kind = 'approved'")
                .param("order", approved).query(Long.class).single()).isEqualTo(1);
    }
}
