package com.partnersportal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.IdentityEvents;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

/** Revoked access stops at the gateway as soon as identity's event arrives, not when the token expires. */
@GatewayIntegrationTest
class RevocationIT {

    @Autowired
    GatewayClient gateway;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aRevokedUsersTokenIsRefusedOnceTheEventArrivesAndOtherUsersAreNot() {
        UUID merchant = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        String token = TestAccessTokens.user(merchant, revoked, Set.of(Permission.ORDERS_VIEW), List.of());
        String colleague = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", token).getStatusCode().value()).isEqualTo(200));

        IdentityEvents.userAccessRevoked(brokers, revoked, merchant);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var refused = gateway.call(HttpMethod.GET, "/portal/v1/orders", token);
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            assertThat(refused.getBody()).contains("invalid_token");
        });
        assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", colleague).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRevokedApiTokenIsRefusedOnceTheEventArrivesEvenWhileItsIntrospectionIsCached() {
        String secret = "ppk_sandbox_revoked_" + UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        UUID merchant = UUID.randomUUID();
        SERVICES.stubFor(post("/internal/api-tokens/introspect").atPriority(0)
                .withRequestBody(equalToJson("{\"token\": \"" + secret + "\"}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"active\": true, \"merchant_id\": \"%s\", \"token_id\": \"%s\"}".formatted(merchant, tokenId))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gateway.call(HttpMethod.GET, "/merchants/orders/" + UUID.randomUUID(), secret).getStatusCode().value())
                        .isEqualTo(200));

        IdentityEvents.apiTokenRevoked(brokers, tokenId, merchant);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                gateway.call(HttpMethod.GET, "/merchants/orders/" + UUID.randomUUID(), secret).getStatusCode().value())
                .isEqualTo(401));
    }
}
