package com.partnersportal.orders.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox checkout page's API: the checkout_url carries a per-order token that alone opens the order's page;
 * the consumer's answer moves the order as the checkout system's decision does and names the merchant's page to
 * return to.
 */
@OrdersIntegrationTest
class SandboxCheckoutIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    OrdersApi api;
    Orders orders;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        orders = new Orders(api, TestMerchants.register(jdbc));
    }

    record Checkout(UUID orderId, String token) {
    }

    Checkout checkout(String reference, String body) {
        OrdersApi.Answer answer = Orders.expectStatus(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                body), 200);
        URI page = URI.create(answer.text("checkout_url"));
        UUID orderId = UUID.fromString(answer.text("order_id"));
        assertThat(page.getPath()).isEqualTo("/portal/checkout/" + orderId);
        assertThat(page.getQuery()).startsWith("token=");
        return new Checkout(orderId, page.getQuery().substring("token=".length()));
    }

    Checkout checkout(String reference) {
        return checkout(reference, CheckoutBodies.saudiOrder(reference));
    }

    OrdersApi.Answer page(UUID order, String token) {
        return api.call(HttpMethod.GET, "/sandbox/checkout/" + order + (token == null ? "" : "?token=" + token), null,
                Map.of());
    }

    OrdersApi.Answer answer(Checkout checkout, String body) {
        return api.call(HttpMethod.POST, "/sandbox/checkout/" + checkout.orderId() + "/answer?token=" + checkout.token(),
                body, Map.of());
    }

    @Test
    void theLinkOpensTheOrderForTheConsumer() {
        Checkout checkout = checkout("REF-SBX-PAGE");

        OrdersApi.Answer page = Orders.expectStatus(page(checkout.orderId(), checkout.token()), 200);

        assertThat(page.body().get("merchant_name").asString()).isNotBlank();
        var order = page.body().get("order");
        assertThat(order.get("order_reference_id").asString()).isEqualTo("REF-SBX-PAGE");
        assertThat(order.get("status").asString()).isEqualTo("new");
        assertThat(order.get("total_amount").get("amount").toString()).isEqualTo("300.00");
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Desk lamp");
        assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void withoutTheOrdersOwnTokenThereIsNoPageAndNoAnswer() {
        Checkout mine = checkout("REF-SBX-MINE");
        Checkout other = checkout("REF-SBX-OTHER");

        for (String token : new String[] {null, "", "forged", other.token(), mine.token() + "x"}) {
            OrdersApi.Answer page = page(mine.orderId(), token);
            assertThat(page.status()).as("token %s", token).isEqualTo(404);
            assertThat(page.errorCode()).isEqualTo("checkout_not_found");
        }
        OrdersApi.Answer approve = answer(new Checkout(mine.orderId(), other.token()), "{\"decision\": \"approved\"}");
        assertThat(approve.status()).isEqualTo(404);
        assertThat(page(UUID.randomUUID(), mine.token()).status()).isEqualTo(404);
        assertThat(orders.get(mine.orderId()).text("status")).isEqualTo("new");
    }

    @Test
    void approvingMovesTheOrderAsTheCheckoutSystemWouldAndReturnsToTheMerchantsSuccessPage() {
        Checkout checkout = checkout("REF-SBX-OK");

        OrdersApi.Answer approved = Orders.expectStatus(answer(checkout, "{\"decision\": \"approved\"}"), 200);

        assertThat(approved.text("status")).isEqualTo("approved");
        assertThat(approved.text("redirect_url")).isEqualTo(
                "https://shop.example/ok?orderId=" + checkout.orderId() + "&paymentStatus=approved");
        assertThat(orders.get(checkout.orderId()).text("status")).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT actor_type FROM order_change WHERE order_id = :order AND kind = 'approved'")
                .param("order", checkout.orderId()).query(String.class).list()).containsExactly("checkout");
        // The merchant can now authorise it, as after a real checkout.
        Orders.expectStatus(orders.authorise(checkout.orderId()), 200);

        OrdersApi.Answer again = answer(checkout, "{\"decision\": \"declined\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(orders.get(checkout.orderId()).text("status")).isEqualTo("authorised");
    }

    @Test
    void decliningKeepsTheConsumersReasonAndReturnsToTheFailurePage() {
        Checkout checkout = checkout("REF-SBX-NO");

        OrdersApi.Answer declined = Orders.expectStatus(
                answer(checkout, "{\"decision\": \"declined\", \"declined_reason\": \"Changed my mind\"}"), 200);

        assertThat(declined.text("status")).isEqualTo("declined");
        assertThat(declined.text("redirect_url")).isEqualTo(
                "https://shop.example/fail?orderId=" + checkout.orderId() + "&paymentStatus=declined");
        assertThat(jdbc.sql("SELECT detail FROM order_change WHERE order_id = :order AND kind = 'declined'")
                .param("order", checkout.orderId()).query(String.class).single()).isEqualTo("Changed my mind");
    }

    @Test
    void leavingTheCheckoutChangesNothingAndReturnsToTheCancelPage() {
        Checkout checkout = checkout("REF-SBX-LEFT");

        OrdersApi.Answer left = Orders.expectStatus(answer(checkout, "{\"decision\": \"canceled\"}"), 200);

        assertThat(left.text("status")).isEqualTo("new");
        assertThat(left.text("redirect_url")).isEqualTo(
                "https://shop.example/cancel?orderId=" + checkout.orderId() + "&paymentStatus=canceled");
        assertThat(orders.get(checkout.orderId()).text("status")).isEqualTo("new");
    }

    @Test
    void aMerchantUrlThatIsNotAWebAddressIsNeverARedirect() {
        Checkout checkout = checkout("REF-SBX-JS", CheckoutBodies.saudiOrder("REF-SBX-JS")
                .replace("https://shop.example/ok", "javascript:alert(1)"));

        OrdersApi.Answer approved = Orders.expectStatus(answer(checkout, "{\"decision\": \"approved\"}"), 200);

        assertThat(approved.body().get("redirect_url").isNull()).isTrue();
        assertThat(approved.text("status")).isEqualTo("approved");
    }

    @Test
    void anUnknownAnswerIsRefusedAndChangesNothing() {
        Checkout checkout = checkout("REF-SBX-BAD");

        OrdersApi.Answer bad = answer(checkout, "{\"decision\": \"maybe\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_field");
        assertThat(orders.get(checkout.orderId()).text("status")).isEqualTo("new");
    }
}
