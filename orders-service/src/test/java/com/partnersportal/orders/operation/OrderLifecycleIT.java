package com.partnersportal.orders.operation;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.TestMerchants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every path through Tamara's status machine over the merchant API, and every operation it refuses. */
@OrdersIntegrationTest
class OrderLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private OrdersApi api;
    private Orders orders;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        orders = new Orders(api, TestMerchants.register(jdbc));
    }

    @Test
    void newApprovedAuthorisedCapturedInTwoPartsThenRefundedInTwoParts() {
        UUID order = orders.checkout("REF-LIFE", "SA", "SAR", "300.00");
        assertThat(orders.get(order).text("status")).isEqualTo("new");

        assertThat(expectStatus(orders.decide(order, "approved"), 200).text("status")).isEqualTo("approved");

        OrdersApi.Answer authorised = expectStatus(orders.authorise(order), 200);
        assertThat(authorised.text("status")).isEqualTo("authorised");
        assertThat(authorised.amount("authorized_amount")).isEqualTo("300.00");
        assertThat(authorised.body().get("auto_captured").asBoolean()).isFalse();

        OrdersApi.Answer first = expectStatus(orders.capture(order, "100.00", "SAR"), 200);
        assertThat(first.text("status")).isEqualTo("partially_captured");
        assertThat(first.amount("captured_amount")).isEqualTo("100.00");
        OrdersApi.Answer second = expectStatus(orders.capture(order, "200.00", "SAR"), 200);
        assertThat(second.text("status")).isEqualTo("fully_captured");

        OrdersApi.Answer partRefund = expectStatus(orders.refund(order, "150.00", "SAR", "R-1"), 200);
        assertThat(partRefund.text("status")).isEqualTo("partially_refunded");
        assertThat(partRefund.text("capture_id")).as("drawn from the oldest capture first")
                .isEqualTo(first.text("capture_id"));
        assertThat(partRefund.text("merchant_refund_id")).isEqualTo("R-1");
        assertThat(partRefund.text("comment")).isEqualTo("Returned by the customer");
        assertThat(expectStatus(orders.refund(order, "150.00", "SAR", "R-2"), 200).text("status"))
                .isEqualTo("fully_refunded");

        JsonNode view = orders.get(order).body();
        assertThat(view.get("status").asString()).isEqualTo("fully_refunded");
        assertThat(view.get("captured_amount").get("amount").toString()).isEqualTo("300.00");
        assertThat(view.get("refunded_amount").get("amount").toString()).isEqualTo("300.00");
        assertThat(view.get("canceled_amount").get("amount").toString()).isEqualTo("0.00");
        JsonNode captures = view.get("transactions").get("captures");
        assertThat(captures).hasSize(2);
        assertThat(captures.get(0).get("refunded_amount").get("amount").toString()).isEqualTo("100.00");
        assertThat(captures.get(1).get("refunded_amount").get("amount").toString()).isEqualTo("200.00");
        assertThat(captures.get(0).get("shipping_info").get("shipping_company").asString()).isEqualTo("SMSA");
        assertThat(view.get("transactions").get("refunds")).hasSize(2);
        assertThat(view.has("timeline")).as("the merchant API's get-order has no timeline").isFalse();
    }

    @Test
    void aPartialCancelUpdatesTheOrderAndTheRestCanBeCapturedOrCanceled() {
        UUID order = orders.authorisedSaudiOrder("REF-UPD", "500.00");

        OrdersApi.Answer partCancel = expectStatus(orders.cancel(order, "200.00", "SAR"), 200);
        assertThat(partCancel.text("status")).isEqualTo("updated");
        assertThat(partCancel.amount("canceled_amount")).isEqualTo("200.00");
        assertThat(partCancel.text("cancel_id")).isNotBlank();

        OrdersApi.Answer tooMuch = orders.capture(order, "300.01", "SAR");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.errorCode()).isEqualTo("capture_amount_exceeds_remaining");

        assertThat(expectStatus(orders.capture(order, "300.00", "SAR"), 200).text("status")).isEqualTo("fully_captured");
    }

    @Test
    void aWholeCancelBeforeAnyCaptureCancelsTheOrder() {
        UUID order = orders.authorisedSaudiOrder("REF-CXL", "80.50");

        assertThat(expectStatus(orders.cancel(order, "80.50", "SAR"), 200).text("status")).isEqualTo("canceled");

        assertConflict(orders.capture(order, "10.00", "SAR"), "canceled", "partially_captured");
    }

    @Test
    void cancelAfterACaptureIsRefused() {
        UUID order = orders.authorisedSaudiOrder("REF-CAP-CXL", "100.00");
        expectStatus(orders.capture(order, "40.00", "SAR"), 200);

        assertConflict(orders.cancel(order, "60.00", "SAR"), "partially_captured", "canceled");
    }

    @Test
    void aDeclinedOrderCannotBeAuthorisedAndSaysWhy() {
        UUID order = orders.saudiCheckout("REF-DECL", "120.00");
        assertThat(expectStatus(orders.decide(order, "declined"), 200).text("status")).isEqualTo("declined");

        assertConflict(orders.authorise(order), "declined", "authorised");
        assertConflict(orders.decide(order, "approved"), "declined", "approved");
    }

    @Test
    void operationsInTheWrongStatusAreRefusedWithTheOldAndRequestedStatus() {
        UUID fresh = orders.saudiCheckout("REF-WRONG", "100.00");
        assertConflict(orders.authorise(fresh), "new", "authorised");
        assertConflict(orders.capture(fresh, "100.00", "SAR"), "new", "fully_captured");
        assertConflict(orders.cancel(fresh, "100.00", "SAR"), "new", "canceled");
        assertConflict(orders.refund(fresh, "10.00", "SAR", null), "new", "partially_refunded");

        UUID authorised = orders.authorisedSaudiOrder("REF-WRONG-2", "100.00");
        assertConflict(orders.authorise(authorised), "authorised", "authorised");
        assertConflict(orders.refund(authorised, "10.00", "SAR", null), "authorised", "partially_refunded");

        expectStatus(orders.capture(authorised, "100.00", "SAR"), 200);
        assertConflict(orders.capture(authorised, "1.00", "SAR"), "fully_captured", "partially_captured");
    }

    @Test
    void amountsBeyondWhatTheOrderHoldsAreRefusedAndChangeNothing() {
        UUID order = orders.authorisedSaudiOrder("REF-AMOUNTS", "100.00");
        assertRefused(orders.capture(order, "100.01", "SAR"), "capture_amount_exceeds_remaining");
        assertRefused(orders.capture(order, "0", "SAR"), "amount_not_positive");
        assertRefused(orders.capture(order, "-5.00", "SAR"), "amount_negative");
        assertRefused(orders.capture(order, "10.005", "SAR"), "amount_invalid_precision");
        assertRefused(orders.capture(order, "10.00", "AED"), "total_amount_invalid_currency");
        assertRefused(orders.capture(order, "10.00", "XYZ"), "currency_unsupported");
        assertRefused(orders.cancel(order, "100.01", "SAR"), "cancel_amount_exceeds_remaining");

        expectStatus(orders.capture(order, "60.00", "SAR"), 200);
        assertRefused(orders.refund(order, "60.01", "SAR", null), "refund_amount_exceeds_captured");

        JsonNode view = orders.get(order).body();
        assertThat(view.get("captured_amount").get("amount").toString()).isEqualTo("60.00");
        assertThat(view.get("refunded_amount").get("amount").toString()).isEqualTo("0.00");
        assertThat(view.get("status").asString()).isEqualTo("partially_captured");
    }

    @Test
    void aRefundLargerThanOneCaptureDrawsOnTheNextAndMerchantRefundIdsAreUnique() {
        UUID order = orders.authorisedOrder("REF-KW-REFUND", "KW", "KWD", "10.500");
        OrdersApi.Answer first = expectStatus(orders.capture(order, "4.250", "KWD"), 200);
        OrdersApi.Answer second = expectStatus(orders.capture(order, "6.250", "KWD"), 200);

        OrdersApi.Answer refund = expectStatus(orders.refund(order, "5.125", "KWD", "KW-R-1"), 200);
        assertThat(refund.amount("refunded_amount")).isEqualTo("5.125");
        assertThat(refund.text("capture_id")).isEqualTo(first.text("capture_id"));
        JsonNode captures = orders.get(order).body().get("transactions").get("captures");
        assertThat(captures.get(0).get("refunded_amount").get("amount").toString()).isEqualTo("4.250");
        assertThat(captures.get(1).get("refunded_amount").get("amount").toString()).isEqualTo("0.875");
        assertThat(captures.get(1).get("capture_id").asString()).isEqualTo(second.text("capture_id"));

        OrdersApi.Answer again = orders.refund(order, "1.000", "KWD", "KW-R-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("merchant_refund_id_already_used");
    }

    @Test
    void aMerchantWithAutoCaptureGoesFromApprovedToFullyCapturedOnAuthorise() {
        api.call(HttpMethod.PUT, "/operator/v1/merchants/" + orders.merchant() + "/order-settings", """
                {"new_order_expiry": "PT30M", "approved_expiry": "PT72H", "auto_capture_after": "P21D",
                 "auto_capture_on_authorise": true}""",
                java.util.Map.of("Authorization", "Bearer " + com.partnersportal.testsupport.TestAccessTokens.operator(UUID.randomUUID())));
        UUID order = orders.saudiCheckout("REF-AUTO", "99.99");
        expectStatus(orders.decide(order, "approved"), 200);

        OrdersApi.Answer authorised = expectStatus(orders.authorise(order), 200);

        assertThat(authorised.text("status")).isEqualTo("fully_captured");
        assertThat(authorised.body().get("auto_captured").asBoolean()).isTrue();
        assertThat(authorised.text("capture_id")).isNotBlank();
        assertThat(orders.get(order).body().get("captured_amount").get("amount").toString()).isEqualTo("99.99");
    }

    @Test
    void ordersAreFoundByIdOrReferenceOnlyByTheirOwnMerchant() {
        UUID order = orders.checkout("REF-FIND-" + UUID.randomUUID(), "AE", "AED", "250.00");
        String reference = orders.get(order).text("order_reference_id");

        OrdersApi.Answer byReference = api.asMerchant(orders.merchant(), HttpMethod.GET,
                "/merchants/orders/reference-id/" + reference, null);
        assertThat(byReference.status()).isEqualTo(200);
        assertThat(byReference.text("order_id")).isEqualTo(order.toString());

        UUID stranger = TestMerchants.register(jdbc);
        OrdersApi.Answer foreign = api.asMerchant(stranger, HttpMethod.GET, "/merchants/orders/" + order, null);
        OrdersApi.Answer missing = api.asMerchant(stranger, HttpMethod.GET, "/merchants/orders/" + UUID.randomUUID(), null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo(missing.errorCode()).isEqualTo("order_not_found");
        assertThat(api.asMerchant(stranger, HttpMethod.GET, "/merchants/orders/reference-id/" + reference, null).status())
                .isEqualTo(404);
        assertThat(new Orders(api, stranger).capture(order, "1.00", "AED").status()).isEqualTo(404);
        assertThat(api.asMerchant(orders.merchant(), HttpMethod.GET, "/merchants/orders/not-an-id", null).status())
                .isEqualTo(404);
    }

    @Test
    void theMerchantChangesItsReferenceAndFindsTheOrderByTheNewOne() {
        UUID order = orders.saudiCheckout("REF-OLD-" + UUID.randomUUID(), "10.00");
        String newReference = "REF-NEW-" + UUID.randomUUID();

        OrdersApi.Answer changed = api.asMerchant(orders.merchant(), HttpMethod.PUT, "/orders/" + order + "/reference-id",
                "{\"order_reference_id\": \"" + newReference + "\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("message")).isEqualTo("Order reference id was updated successfully");
        assertThat(api.asMerchant(orders.merchant(), HttpMethod.GET, "/merchants/orders/reference-id/" + newReference, null)
                .text("order_id")).isEqualTo(order.toString());
    }

    private static void assertConflict(OrdersApi.Answer answer, String oldStatus, String requestedStatus) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo("invalid_order_status");
        JsonNode data = answer.body().get("errors").get(0).get("data");
        assertThat(data.get("old_status").asString()).isEqualTo(oldStatus);
        assertThat(data.get("requested_status").asString()).isEqualTo(requestedStatus);
    }

    private static void assertRefused(OrdersApi.Answer answer, String errorCode) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(errorCode);
        assertThat(String.valueOf(answer.headers().getContentType())).startsWith("application/problem+json");
    }
}
