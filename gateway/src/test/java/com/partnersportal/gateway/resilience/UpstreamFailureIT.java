package com.partnersportal.gateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is down answers 503 at once, one that hangs 504 after its route's time limit, and a service
 * that keeps failing has its circuit opened so that callers are answered without waiting on it.
 */
@GatewayIntegrationTest
class UpstreamFailureIT {

    @Autowired
    GatewayClient gateway;

    @DynamicPropertySource
    static void quickCircuits(DynamicPropertyRegistry registry) {
        registry.add("portal.gateway.upstreams.minimum-calls", () -> "4");
        registry.add("portal.gateway.upstreams.sliding-window-size", () -> "4");
        registry.add("portal.gateway.upstreams.open-for", () -> "30s");
    }

    @Test
    void aServiceThatIsDownIsA503ProblemWithRetryAfter() {
        long started = System.nanoTime();
        ResponseEntity<String> answer = gateway.call(HttpMethod.GET, "/operator/v1/notifications",
                TestAccessTokens.operator(UUID.randomUUID()));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(answer.getBody()).contains("\"error_code\":\"service_unavailable\"").contains("notification");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504ProblemAfterTheRoutesLimit() {
        SERVICES.stubFor(get(urlPathEqualTo("/portal/v1/invoices/slow")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));
        String finance = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.INVOICES_VIEW), List.of());

        long started = System.nanoTime();
        ResponseEntity<String> answer = gateway.call(HttpMethod.GET, "/portal/v1/invoices/slow", finance);

        assertThat(answer.getStatusCode().value()).isEqualTo(504);
        assertThat(answer.getBody()).contains("\"error_code\":\"upstream_timeout\"");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofMillis(3_500));
    }

    @Test
    void aServiceThatKeepsFailingHasItsCircuitOpenedAndIsNoLongerCalled() {
        SERVICES.stubFor(get(urlPathMatching("/portal/v1/webhooks/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        String developer = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.WEBHOOKS_MANAGE), List.of());

        for (int i = 0; i < 4; i++) {
            assertThat(gateway.call(HttpMethod.GET, "/portal/v1/webhooks/" + i, developer).getStatusCode().value()).isEqualTo(500);
        }
        ResponseEntity<String> shortCircuited = gateway.call(HttpMethod.GET, "/portal/v1/webhooks/5", developer);

        assertThat(shortCircuited.getStatusCode().value()).isEqualTo(503);
        assertThat(shortCircuited.getBody()).contains("\"error_code\":\"service_unavailable\"");
        SERVICES.verify(0, getRequestedFor(urlPathEqualTo("/portal/v1/webhooks/5")));
    }
}
