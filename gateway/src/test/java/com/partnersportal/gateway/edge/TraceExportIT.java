package com.partnersportal.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code management.opentelemetry.tracing.export.otlp.endpoint} set, the spans of a request reach that OTLP/HTTP
 * receiver (a WireMock on loopback) as protobuf, naming the service; without it nothing is exported (the default).
 */
@GatewayIntegrationTest
class TraceExportIT {

    @Autowired
    GatewayClient gateway;

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> SERVICES.baseUrl() + "/v1/traces");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
        // Every request recorded (the default keeps one in ten), so this one's spans are there to export.
        registry.add("management.tracing.sampling.probability", () -> "1.0");
    }

    @Test
    void aRequestsSpansArePostedToTheOtlpEndpoint() {
        String viewer = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());

        assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders/traced", Map.of("Authorization", "Bearer " + viewer), null)
                .getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<LoggedRequest> exports = SERVICES.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")));
            assertThat(exports).isNotEmpty();
            assertThat(exports.getFirst().getHeader("Content-Type")).isEqualTo("application/x-protobuf");
            assertThat(exports.stream().map(e -> new String(e.getBody(), StandardCharsets.ISO_8859_1)))
                    .as("service.name in the spans' resource").anyMatch(body -> body.contains("gateway"));
        });
    }
}
