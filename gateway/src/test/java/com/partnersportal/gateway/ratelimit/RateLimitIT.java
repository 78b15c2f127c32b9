package com.partnersportal.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN;
import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN_MERCHANT;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestInfrastructure;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bursts over the limits, with the buckets in Redis (test-support's: a container, else the machine's) (as in compose and the local run): a user over
 * their limit, an API token over its limit, and sign-in from one address far sooner than anything else; each
 * answered 429 with Retry-After, while other callers go on unhindered.
 */
@GatewayIntegrationTest
class RateLimitIT {

    @Autowired
    GatewayClient gateway;

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("portal.gateway.rate-limits.per-user", () -> "8");
        registry.add("portal.gateway.rate-limits.per-api-token", () -> "12");
        registry.add("portal.gateway.rate-limits.sign-in-per-address", () -> "5");
        registry.add("portal.gateway.rate-limits.redis-url", () -> TestInfrastructure.redis().url());
        registry.add("portal.gateway.rate-limits.redis-key-prefix", () -> "test:" + UUID.randomUUID() + ":");
    }

    /**
     * The first API-token lookup of a fresh JVM can outlast identity's 3 s budget on a loaded machine (a 503 that is
     * no rate limit's doing): one lookup with another token first, then a fresh token id, so the counted calls start
     * from a warm client and a full bucket.
     */
    @BeforeEach
    void warmTheTokenLookup() {
        gateway.call(HttpMethod.GET, "/merchants/orders/" + UUID.randomUUID(), "ppk_sandbox_warm_up");
        SERVICES.stubFor(post("/internal/api-tokens/introspect").atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"active\": true, \"merchant_id\": \"%s\", \"token_id\": \"%s\"}"
                        .formatted(API_TOKEN_MERCHANT, UUID.randomUUID()))));
    }

    @Test
    void aUserOverTheLimitIsToldWhenToComeBackAndOthersAreNotAffected() {
        String busy = viewer();
        for (int i = 0; i < 8; i++) {
            assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", busy).getStatusCode().value()).isEqualTo(200);
        }
        ResponseEntity<String> limited = gateway.call(HttpMethod.GET, "/portal/v1/orders", busy);

        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(String.valueOf(limited.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(limited.getBody()).contains("\"error_code\":\"rate_limited\"");
        assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", viewer()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anApiTokenHasItsOwnLimit() {
        int passed = 0;
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            int status = gateway.call(HttpMethod.GET, "/merchants/orders/" + UUID.randomUUID(), API_TOKEN).getStatusCode().value();
            if (status == 200) {
                passed++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(passed).isEqualTo(12);
        assertThat(limited).isEqualTo(3);
    }

    @Test
    void signInIsLimitedPerAddressMoreStrictlyThanTheRest() {
        int passed = 0;
        for (int i = 0; i < 7; i++) {
            if (gateway.call(HttpMethod.POST, "/auth/v1/sign-in", null).getStatusCode().value() == 200) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(5);
        assertThat(gateway.call(HttpMethod.POST, "/auth/v1/activation", null).getStatusCode().value()).isEqualTo(429);
        assertThat(gateway.call(HttpMethod.GET, "/.well-known/jwks.json", null).getStatusCode().value()).isEqualTo(200);
    }

    private static String viewer() {
        return TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
    }
}
