package com.partnersportal.orders.timer;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The order timers, with the sandbox clock moved forward: unpaid new orders and unauthorised approved orders
 * expire, authorised orders nobody captured are captured in full, each once, and per-merchant settings apply.
 */
@OrdersIntegrationTest
class OrderTimersIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    OrderTimerJob timers;

    private Orders orders;

    @BeforeEach
    void merchant() {
        orders = new Orders(new OrdersApi(port), TestMerchants.register(jdbc));
    }

    @Test
    void aNewOrderExpiresAfterThirtyMinutesAndAnApprovedOneAfterSeventyTwoHours() {
        UUID unpaid = orders.saudiCheckout("REF-TIMER-NEW", "10.00");
        UUID approved = orders.saudiCheckout("REF-TIMER-APPROVED", "10.00");
        orders.decide(approved, "approved");

        advance(Duration.ofMinutes(31));
        timers.fireDue();
        assertThat(orders.get(unpaid).text("status")).isEqualTo("expired");
        assertThat(orders.get(approved).text("status")).as("approved orders wait 72 hours").isEqualTo("approved");

        advance(Duration.ofHours(72));
        timers.fireDue();
        timers.fireDue();
        assertThat(orders.get(approved).text("status")).isEqualTo("expired");
        assertThat(timelineKinds(approved)).containsExactly("created", "approved", "expired");
        assertThat(expectStatus(orders.authorise(approved), 409).errorCode()).isEqualTo("invalid_order_status");
    }

    @Test
    void anAuthorisedOrderNobodyCapturedIsCapturedInFullAfterTwentyOneDaysOnce() {
        UUID order = orders.authorisedSaudiOrder("REF-TIMER-AUTO", "250.00");
        expectStatus(orders.cancel(order, "50.00", "SAR"), 200);
        UUID capturedByMerchant = orders.authorisedSaudiOrder("REF-TIMER-MANUAL", "100.00");
        expectStatus(orders.capture(capturedByMerchant, "30.00", "SAR"), 200);

        advance(Duration.ofDays(21).plusMinutes(1));
        timers.fireDue();
        timers.fireDue();

        JsonNode view = orders.get(order).body();
        assertThat(view.get("status").asString()).isEqualTo("fully_captured");
        assertThat(view.get("captured_amount").get("amount").toString()).isEqualTo("200.00");
        assertThat(view.get("transactions").get("captures")).hasSize(1);
        assertThat(view.get("transactions").get("captures").get(0).get("automatic").asBoolean()).isTrue();
        assertThat(orders.get(capturedByMerchant).text("status")).as("a merchant's capture stops the timer")
                .isEqualTo("partially_captured");
    }

    @Test
    void aMerchantsOwnTimersApply() {
        new OrdersApi(port).call(HttpMethod.PUT, "/operator/v1/merchants/" + orders.merchant() + "/order-settings", """
                {"new_order_expiry": "PT5M", "approved_expiry": "PT1H", "auto_capture_after": "P2D",
                 "auto_capture_on_authorise": false}""",
                Map.of("Authorization", "Bearer " + TestAccessTokens.operator(UUID.randomUUID())));
        UUID order = orders.saudiCheckout("REF-TIMER-OWN", "10.00");

        advance(Duration.ofMinutes(6));
        timers.fireDue();

        assertThat(orders.get(order).text("status")).isEqualTo("expired");
    }

    @Test
    void onlyOperatorsChangeOrderSettings() {
        OrdersApi.Answer answer = new OrdersApi(port).call(HttpMethod.PUT,
                "/operator/v1/merchants/" + orders.merchant() + "/order-settings", """
                {"new_order_expiry": "PT5M", "approved_expiry": "PT1H", "auto_capture_after": "P2D",
                 "auto_capture_on_authorise": true}""",
                Map.of("Authorization", "Bearer " + OrdersApi.apiToken(orders.merchant())));

        assertThat(answer.status()).isEqualTo(403);
    }

    private void advance(Duration by) {
        ((SandboxClock) clock).advance(by);
    }

    private java.util.List<String> timelineKinds(UUID order) {
        return jdbc.sql("SELECT kind FROM order_change WHERE order_id = :order ORDER BY id").param("order", order)
                .query(String.class).list();
    }
}
