package com.partnersportal.orders.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A battery of bad input at the merchant API: each gets a problem-details 4xx with an error code and changes nothing. */
@OrdersIntegrationTest
class HostileInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private OrdersApi api;
    private Orders orders;
    private UUID order;

    @BeforeEach
    void order() {
        api = new OrdersApi(port);
        orders = new Orders(api, TestMerchants.register(jdbc));
        order = orders.authorisedSaudiOrder("REF-HOSTILE", "100.00");
    }

    @Test
    void capturesWithBrokenBodiesAreRefusedAndCaptureNothing() {
        assertProblem(capture("{\"order_id\": \"" + order + "\", "), 400, "invalid_request_body");
        assertProblem(capture("[1, 2, 3]"), 400, "invalid_request_body");
        assertProblem(capture(body("\"total_amount\": {\"amount\": true, \"currency\": \"SAR\"}")), 400, "invalid_request_body");
        assertProblem(capture(body("\"total_amount\": {\"amount\": {\"x\": 1}, \"currency\": \"SAR\"}")), 400, "invalid_request_body");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 1" + "0".repeat(400) + ", \"currency\": \"SAR\"}")), 400,
                "amount_too_large");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 0.001, \"currency\": \"SAR\"}")), 400, "amount_invalid_precision");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 0, \"currency\": \"SAR\"}")), 400, "amount_not_positive");
        assertProblem(capture(body("\"total_amount\": {\"amount\": -1, \"currency\": \"SAR\"}")), 400, "amount_negative");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 10, \"currency\": \"sar\"}")), 400, "currency_unsupported");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 10}")), 400, "invalid_field");
        assertProblem(capture("{\"order_id\": \"" + order + "\", \"total_amount\": {\"amount\": 10, \"currency\": \"SAR\"}}"),
                400, "invalid_field");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 10, \"currency\": \"SAR\"}")
                .replace("\"SMSA\"", "\"" + "S".repeat(300) + "\"")), 400, "invalid_field");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 10, \"currency\": \"SAR\"}")
                .replace("\"" + order + "\"", "\"../../etc/passwd\"")), 404, "order_not_found");
        assertProblem(capture(body("\"total_amount\": {\"amount\": 10, \"currency\": \"SAR\"}")
                .replace("\"" + order + "\"", "\"" + UUID.randomUUID() + "\"")), 404, "order_not_found");

        assertThat(orders.get(order).amount("captured_amount")).isEqualTo("0.00");
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    @Test
    void checkoutsThatDoNotAddUpOrHaveNoValueAreRefused() {
        String mismatched = CheckoutBodies.saudiOrder("REF-MISMATCH").replace(
                "\"tax_amount\": {\"amount\": 0, \"currency\": \"SAR\"}", "\"tax_amount\": {\"amount\": 45.00, \"currency\": \"SAR\"}");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout", mismatched), 400, "total_amount_mismatch");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                CheckoutBodies.order("REF-ZERO", "SA", "SAR", "0")), 400, "amount_not_positive");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                CheckoutBodies.order("REF-NOWHERE", "EG", "EGP", "10")), 400, "currency_unsupported");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                CheckoutBodies.saudiOrder("REF-NOITEMS").replaceAll("\"items\": \\[[^]]*]", "\"items\": []")), 400,
                "invalid_field");
        assertProblem(api.asMerchant(UUID.randomUUID(), HttpMethod.POST, "/checkout", CheckoutBodies.saudiOrder("REF-NOENTITY")),
                422, "country_not_enabled");

        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_reference_id IN "
                + "('REF-MISMATCH', 'REF-ZERO', 'REF-NOWHERE', 'REF-NOITEMS', 'REF-NOENTITY')").query(Long.class).single())
                .isZero();
    }

    @Test
    void refundsAndCancelsWithBadBodiesAreRefused() {
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/payments/simplified-refund/" + order,
                "{\"total_amount\": {\"amount\": 1, \"currency\": \"SAR\"}}"), 400, "invalid_field");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/payments/simplified-refund/" + order,
                "{\"total_amount\": {\"amount\": 1, \"currency\": \"SAR\"}, \"comment\": \"" + "x".repeat(2000) + "\"}"),
                400, "invalid_field");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/orders/" + order + "/cancel", "not json"),
                400, "invalid_request_body");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.PUT, "/orders/" + order + "/reference-id",
                "{\"order_reference_id\": \"\"}"), 400, "invalid_field");
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    @Test
    void amountsOnlyAsPlainJsonNumbersAndQuantitiesOnlyAsIntegers() {
        for (String amount : List.of("\"10\"", "\"1e1\"", "1e1", "1E1", "1.0e1", "true", "null", "[10]")) {
            OrdersApi.Answer refused = capture(body("\"total_amount\": {\"amount\": " + amount + ", \"currency\": \"SAR\"}"));
            assertThat(refused.status()).as(amount + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.raw()).as(amount).contains("total_amount");
        }
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/payments/simplified-refund/" + order,
                "{\"total_amount\": {\"amount\": \"1e2\", \"currency\": \"SAR\"}, \"comment\": \"string\"}"),
                400, "invalid_request_body");
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                CheckoutBodies.order("REF-STRING-TOTAL", "SA", "SAR", "\"230.00\"")), 400, "invalid_request_body");
        OrdersApi.Answer fraction = api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                CheckoutBodies.saudiOrder("REF-HALF").replace("\"quantity\": 2", "\"quantity\": 1.5"));
        assertProblem(fraction, 400, "invalid_request_body");
        assertThat(fraction.body().get("errors").get(0).get("data").get("field").asString()).isEqualTo("items[0].quantity");

        assertThat(orders.get(order).amount("captured_amount")).isEqualTo("0.00");
        assertThat(orders.get(order).amount("refunded_amount")).isEqualTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_reference_id IN ('REF-STRING-TOTAL', 'REF-HALF')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedWherever() {
        for (String hostile : List.of("\\u0000", "\\ud800", "\\udc00x", "\\uffff", "a\\u0007b", "\\u202egnp.exe",
                "\\u2066x\\u2069")) {
            OrdersApi.Answer refused = api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout",
                    CheckoutBodies.saudiOrder("REF-HOSTILE-TEXT").replace("Desk lamp", "Desk " + hostile + " lamp"));
            assertProblem(refused, 400, "invalid_request_body");
            assertThat(refused.body().get("errors").get(0).get("data").get("field").asString()).isEqualTo("items[0].name");
        }
        assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/payments/simplified-refund/" + order,
                "{\"total_amount\": {\"amount\": 1, \"currency\": \"SAR\"}, \"comment\": \"x\\u0000\"}"),
                400, "invalid_request_body");
        for (String locale : List.of("fr_FR", "en-us", "x".repeat(20), "")) {
            assertProblem(api.asMerchant(orders.merchant(), HttpMethod.POST, "/checkout", CheckoutBodies
                    .saudiOrder("REF-HOSTILE-TEXT").replace("\"ar_SA\"", "\"" + locale + "\"")), 400, "invalid_field");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_reference_id = 'REF-HOSTILE-TEXT'")
                .query(Long.class).single()).isZero();
        assertThat(orders.get(order).amount("refunded_amount")).isEqualTo("0.00");
    }

    @Test
    void hostileQueryParametersAndPathsAreProblemsNotErrors() throws Exception {
        String token = TestAccessTokens.user(orders.merchant(), UUID.randomUUID(), EnumSet.of(Permission.ORDERS_VIEW),
                List.of());
        HttpClient client = HttpClient.newHttpClient();
        for (String target : List.of("/portal/v1/orders?search=%00", "/portal/v1/orders?cursor=%00%ff",
                "/portal/v1/orders?cursor=%ff", "/portal/v1/orders?search=%ed%a0%80", "/portal/v1/orders/%00",
                "/merchants/orders/reference-id/a%00b")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(target + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(target)
                    .startsWith("application/problem+json");
        }
    }

    private OrdersApi.Answer capture(String body) {
        return api.asMerchant(orders.merchant(), HttpMethod.POST, "/payments/capture", body);
    }

    private String body(String totalAmount) {
        return """
                {"order_id": "%s", %s,
                 "shipping_info": {"shipped_at": "2026-11-20T10:00:00Z", "shipping_company": "SMSA"}}"""
                .formatted(order, totalAmount);
    }

    private static void assertProblem(OrdersApi.Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(String.valueOf(answer.headers().getContentType())).startsWith("application/problem+json");
        assertThat(answer.errorCode()).as(answer.raw()).isEqualTo(errorCode);
    }
}
