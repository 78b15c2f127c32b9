package com.partnersportal.orders.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caller who may not use a route hears so (403) before anything about the body they sent: a viewer's malformed
 * or invalid refund, capture or export, a merchant system's body on the portal's routes, a user's on the merchant
 * API's. The order does not move.
 */
@OrdersIntegrationTest
class PermissionBeforeBodyIT {

    private static final List<String> BODIES = List.of("{", "{\"total_amount\": {\"amount\": \"1e2\", \"currency\": \"SAR\"}}",
            "{\"total_amount\": {\"amount\": -5, \"currency\": \"XXX\"}, \"comment\": 7}", "[]", "");

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
    void aViewerWithABadBodyIsForbiddenNotToldAboutTheFields() {
        UUID order = orders.authorisedSaudiOrder("REF-VIEWER-BODY", "100.00");
        String viewer = TestAccessTokens.user(orders.merchant(), UUID.randomUUID(), List.of(Permission.ORDERS_VIEW), List.of());

        for (String body : BODIES) {
            for (String path : List.of("/portal/v1/orders/" + order + "/refunds", "/portal/v1/orders/" + order + "/captures",
                    "/portal/v1/orders/" + order + "/cancels", "/portal/v1/order-exports")) {
                OrdersApi.Answer answer = api.asUser(viewer, HttpMethod.POST, path, body);
                assertThat(answer.status()).as("%s with %s: %s", path, body, answer.raw()).isEqualTo(403);
                assertThat(answer.errorCode()).isEqualTo("forbidden");
            }
        }
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    @Test
    void theWrongKindOfCallerIsForbiddenWhateverTheBody() {
        UUID order = orders.authorisedSaudiOrder("REF-KIND-BODY", "100.00");
        String admin = TestAccessTokens.user(orders.merchant(), UUID.randomUUID(), List.of(Permission.values()), List.of());

        OrdersApi.Answer merchantOnPortal = api.asMerchant(orders.merchant(), HttpMethod.POST,
                "/portal/v1/orders/" + order + "/refunds", "{");
        assertThat(merchantOnPortal.status()).as(merchantOnPortal.raw()).isEqualTo(403);
        assertThat(merchantOnPortal.errorCode()).isEqualTo("user_token_required");

        OrdersApi.Answer userOnMerchantApi = api.asUser(admin, HttpMethod.POST, "/payments/simplified-refund/" + order, "{");
        assertThat(userOnMerchantApi.status()).as(userOnMerchantApi.raw()).isEqualTo(403);
        assertThat(userOnMerchantApi.errorCode()).isEqualTo("api_token_required");

        OrdersApi.Answer nobody = api.call(HttpMethod.POST, "/payments/capture", "{", java.util.Map.of());
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }
}
