package com.partnersportal.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The proxy passes each call through as it is: nothing remembered between callers, nothing retried. */
@GatewayIntegrationTest
class ProxyIT {

    @Autowired
    GatewayClient gateway;

    @Test
    void aCookieOneCallerWasGivenNeverRidesOnAnotherCallersRequest() {
        SERVICES.stubFor(get("/portal/v1/orders/first").willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "session=first-callers; Path=/").withBody("{}")));

        ResponseEntity<String> first = gateway.call(HttpMethod.GET, "/portal/v1/orders/first", viewer());
        ResponseEntity<String> second = gateway.call(HttpMethod.GET, "/portal/v1/orders/second", viewer());

        assertThat(first.getHeaders().getFirst("Set-Cookie")).contains("session=first-callers");
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        List<LoggedRequest> seen = SERVICES.findAll(getRequestedFor(urlEqualTo("/portal/v1/orders/second")));
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().containsHeader("Cookie")).isFalse();
    }

    @Test
    void aServiceThatAnswers503IsAskedOnceAndTheCallerHearsIt() {
        SERVICES.stubFor(get("/portal/v1/orders/busy").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"error_code\": \"busy\"}")));

        ResponseEntity<String> answer = gateway.call(HttpMethod.GET, "/portal/v1/orders/busy", viewer());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).contains("busy");
        SERVICES.verify(1, getRequestedFor(urlEqualTo("/portal/v1/orders/busy")));
    }

    private static String viewer() {
        return TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
    }
}
