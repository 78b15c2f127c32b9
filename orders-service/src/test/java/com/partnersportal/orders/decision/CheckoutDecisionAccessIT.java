package com.partnersportal.orders.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.AccessTokens;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox's checkout-decision endpoint plays the checkout system: only the sandbox tooling's service token may
 * call it. Anyone else on the machine (no token, a merchant's API token, a portal user's or operator's token, a
 * forged, expired or wrongly scoped service token) is refused and the order does not move.
 */
@OrdersIntegrationTest
class CheckoutDecisionAccessIT {

    private static final String APPROVE = "{\"decision\": \"approved\"}";

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
    void onlyAServiceTokenWithTheDecisionScopeDecides() {
        UUID order = orders.saudiCheckout("REF-DECISION-ACCESS", "50.00");
        String path = "/internal/orders/" + order + "/checkout-decision";

        assertRefused(api.call(HttpMethod.POST, path, APPROVE, Map.of()), 401, "service_token_required");
        assertRefused(api.asMerchant(orders.merchant(), HttpMethod.POST, path, APPROVE), 401, "service_token_required");
        assertRefused(api.asUser(TestAccessTokens.user(orders.merchant(), UUID.randomUUID(),
                java.util.EnumSet.allOf(Permission.class), java.util.List.of()), HttpMethod.POST, path, APPROVE),
                401, "service_token_required");
        assertRefused(api.asUser(TestAccessTokens.operator(UUID.randomUUID()), HttpMethod.POST, path, APPROVE),
                401, "service_token_required");
        assertRefused(api.asUser(forged(), HttpMethod.POST, path, APPROVE), 401, "service_token_required");
        assertRefused(api.asUser(expired(), HttpMethod.POST, path, APPROVE), 401, "service_token_required");
        assertRefused(api.asUser(TestAccessTokens.service("notification-service",
                ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT, ServiceTokenClaims.Scopes.RECIPIENTS_READ),
                HttpMethod.POST, path, APPROVE), 403, "service_scope_missing");
        assertThat(orders.get(order).text("status")).isEqualTo("new");

        Orders.expectStatus(orders.decide(order, "approved"), 200);
        assertThat(orders.get(order).text("status")).isEqualTo("approved");
    }

    @Test
    void theSandboxClockAnswersOnlyTheSandboxTooling() {
        assertRefused(api.call(HttpMethod.GET, "/internal/clock", null, Map.of()), 401, "service_token_required");
        assertRefused(api.call(HttpMethod.POST, "/internal/clock/advance", "{\"by\": \"PT1S\"}", Map.of()),
                401, "service_token_required");
        OrdersApi.Answer clock = api.asUser(TestAccessTokens.service("sandbox-tools",
                ServiceTokenClaims.Scopes.SANDBOX_CLOCK), HttpMethod.GET, "/internal/clock", null);
        assertThat(clock.status()).as(clock.raw()).isEqualTo(200);
    }

    private static void assertRefused(OrdersApi.Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(errorCode);
    }

    /** Right claims, signed by a key of the forger's own. */
    private static String forged() {
        try {
            var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID("test-identity-1").generate();
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).type(new com.nimbusds.jose.JOSEObjectType(ServiceTokenClaims.TYPE)).build(),
                    AccessTokens.serviceClaims("sandbox-tools", ServiceTokenClaims.Scopes.CHECKOUT_DECISIONS_WRITE).build());
            jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expired() {
        JWTClaimsSet claims = AccessTokens.serviceClaims("sandbox-tools", ServiceTokenClaims.Scopes.CHECKOUT_DECISIONS_WRITE)
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(300))).build();
        return AccessTokens.signService(claims);
    }
}
