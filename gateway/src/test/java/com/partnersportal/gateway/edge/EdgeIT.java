package com.partnersportal.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Request ids, security headers, CORS for the portal's origin only, body limits and header hygiene. */
@GatewayIntegrationTest
class EdgeIT {

    private final String viewer = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(),
            Set.of(Permission.ORDERS_VIEW), List.of());

    @Autowired
    GatewayClient gateway;

    @Test
    void thePublicPortAnswersLivenessAndReadinessOnlyWithoutDetails() {
        var readiness = gateway.call(HttpMethod.GET, "/actuator/health/readiness", (String) null);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(gateway.call(HttpMethod.GET, "/actuator/health/liveness", (String) null).getStatusCode().value()).isEqualTo(200);
        for (String hidden : java.util.List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health",
                "/actuator/env", "/actuator")) {
            var answer = gateway.call(HttpMethod.GET, hidden, (String) null);
            assertThat(answer.getStatusCode().value()).as(hidden).isEqualTo(404);
            assertThat(String.valueOf(answer.getBody())).as(hidden).doesNotContain("jvm_").doesNotContain("components");
        }
    }

    @Test
    void aRequestIdIsMadeWhenMissingKeptWhenSaneAndPassedToTheService() {
        ResponseEntity<String> fresh = gateway.call(HttpMethod.GET, "/portal/v1/orders/a", auth(), null);
        String made = fresh.getHeaders().getFirst("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        SERVICES.verify(getRequestedFor(urlPathEqualTo("/portal/v1/orders/a")).withHeader("X-Request-Id", equalTo(made)));

        ResponseEntity<String> given = gateway.call(HttpMethod.GET, "/portal/v1/orders/b", with(auth(), "X-Request-Id", "shop-req-42"), null);
        assertThat(given.getHeaders().getFirst("X-Request-Id")).isEqualTo("shop-req-42");
        SERVICES.verify(getRequestedFor(urlPathEqualTo("/portal/v1/orders/b")).withHeader("X-Request-Id", equalTo("shop-req-42")));

        ResponseEntity<String> hostile = gateway.call(HttpMethod.GET, "/portal/v1/orders/c",
                with(auth(), "X-Request-Id", "<script>alert(1)</script>"), null);
        assertThat(hostile.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void twoRequestIdsReachTheServiceAsOne() throws Exception {
        HttpRequest twice = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + "/portal/v1/orders/d"))
                .header("Authorization", auth().get("Authorization"))
                .header("X-Request-Id", "shop-req-1").header("X-Request-Id", "shop-req-2").build();
        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            answer = client.send(twice, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(answer.headers().allValues("X-Request-Id")).containsExactly("shop-req-1");
        var received = SERVICES.findAll(getRequestedFor(urlPathEqualTo("/portal/v1/orders/d")));
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getHeaders().getHeader("X-Request-Id").values()).containsExactly("shop-req-1");
    }

    @Test
    void answersCarrySecurityHeaders() {
        ResponseEntity<String> answer = gateway.call(HttpMethod.GET, "/portal/v1/orders", auth(), null);

        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(answer.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void corsIsGrantedToThePortalsOriginAndNoOther() {
        ResponseEntity<String> portal = gateway.call(HttpMethod.OPTIONS, "/portal/v1/orders", Map.of("Origin", "https://portal.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);
        assertThat(portal.getStatusCode().value()).isEqualTo(200);
        assertThat(portal.getHeaders().getFirst("Access-Control-Allow-Origin")).isEqualTo("https://portal.example");

        ResponseEntity<String> stranger = gateway.call(HttpMethod.OPTIONS, "/portal/v1/orders", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(stranger.getStatusCode().value()).isEqualTo(403);
        assertThat(stranger.getHeaders().getFirst("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anOversizedBodyIsRefusedAtTheDoor() {
        ResponseEntity<String> answer = gateway.call(HttpMethod.POST, "/checkout", with(Map.of(), "Authorization", "Bearer " + API_TOKEN),
                "{\"description\": \"" + "x".repeat(1_100_000) + "\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody()).contains("request_body_too_large");
    }

    @Test
    void aMerchantIdHeaderIsNoCredentialInAnyMode() {
        ResponseEntity<String> answer = gateway.call(HttpMethod.POST, "/checkout",
                Map.of("X-Merchant-Id", UUID.randomUUID().toString()), "{}");

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        SERVICES.verify(0, postRequestedFor(urlPathEqualTo("/checkout")));
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + viewer);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
