package com.partnersportal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.HostileRoutes;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every route of orders-service's OpenAPI document, walked with hostile values by a valid caller of the right tenant
 * (the merchant's API token on the merchant API, a portal user's access token on /portal, an operator's on
 * /operator): no answer is a 5xx, every refusal is problem details with an error code, and no refusal changes a row.
 */
@OrdersIntegrationTest
@DirtiesContext
class HostileRoutesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource database;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        UUID merchant = TestMerchants.register(jdbc);
        // The sandbox tooling's service token (fresh: it lives 5 minutes): internal routes walked as their one caller.
        String sandboxTools = TestAccessTokens.service("sandbox-tools",
                ServiceTokenClaims.Scopes.CHECKOUT_DECISIONS_WRITE);
        OrdersApi api = new OrdersApi(port);
        Map<String, String> asMerchant = Map.of("Authorization", "Bearer " + OrdersApi.apiToken(merchant));
        OrdersApi.Answer checkout = api.call(HttpMethod.POST, "/checkout", CheckoutBodies.saudiOrder("REF-WALK"), asMerchant);
        assertThat(checkout.status()).as(checkout.raw()).isEqualTo(200);
        String order = checkout.text("order_id");
        assertThat(api.call(HttpMethod.POST, "/internal/orders/" + order + "/checkout-decision",
                "{\"decision\": \"approved\"}", Map.of("Authorization", "Bearer " + sandboxTools)).status()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, "/orders/" + order + "/authorise", null, asMerchant).status()).isEqualTo(200);
        String user = TestAccessTokens.user(merchant, UUID.randomUUID(), EnumSet.allOf(Permission.class), List.of());
        String operator = TestAccessTokens.operator(UUID.randomUUID());

        HostileRoutes.Walk walk = HostileRoutes.walk(port, path -> path.startsWith("/portal/")
                        ? Map.of("Authorization", "Bearer " + user)
                        : path.startsWith("/operator/") ? Map.of("Authorization", "Bearer " + operator)
                        : path.startsWith("/internal/") ? Map.of("Authorization", "Bearer " + sandboxTools)
                        : path.startsWith("/downloads/") ? Map.of() : asMerchant,
                Map.of("orderId", order, "merchantId", merchant.toString(), "orderReferenceId", "REF-WALK"),
                // The sandbox clock is left alone: moving it fires the order's timers, whose events would land
                // during whichever refused request came next.
                // outbox_event is left out of the probe: the export worker retries and gives up on exports that
                // earlier tests in this context left behind, publishing while the walk runs. Every state table,
                // whose rows an event accompanies, is still counted.
                path -> !path.contains("/clock"), HostileRoutes.rowCounts(database, "outbox_event"));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(18);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
