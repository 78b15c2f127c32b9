package com.partnersportal.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON access-log line per request (with structured logging on, as in compose): the fields an operator searches
 * by, the request id the merchant quotes and the trace id that leads to the request's spans, never the query.
 */
@ExtendWith(OutputCaptureExtension.class)
@GatewayIntegrationTest
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class AccessLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GatewayClient gateway;

    @Test
    void eachRequestIsOneLineWithItsRequestIdTraceAndCaller(CapturedOutput output) {
        UUID merchant = UUID.randomUUID();
        String viewer = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());

        gateway.call(HttpMethod.GET, "/portal/v1/orders/logged?signature=secret",
                Map.of("Authorization", "Bearer " + viewer, "X-Request-Id", "shop-log-7"), null);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(accessLine(output, "shop-log-7")).isNotNull());
        JsonNode line = accessLine(output, "shop-log-7");
        // ECS nests the dotted names: http.method is {"http": {"method": ...}}.
        assertThat(line.path("http").path("method").asString()).isEqualTo("GET");
        assertThat(line.path("url").path("path").asString()).isEqualTo("/portal/v1/orders/logged");
        assertThat(line.path("http").path("status").asInt()).isEqualTo(200);
        assertThat(line.path("client").path("address").asString()).isEqualTo("127.0.0.1");
        assertThat(line.get("caller").asString()).isEqualTo("user:" + merchant);
        assertThat(line.get("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(line.toString()).doesNotContain("secret");
        assertThat(line.path("http").has("aborted")).as("an answer that finished").isFalse();
    }

    @Test
    void anErrorAnsweredWithAProblemIsLoggedWithItsStatusAndNotAsAborted(CapturedOutput output) {
        gateway.call(HttpMethod.GET, "/no/such/route", Map.of("X-Request-Id", "shop-log-404"), null);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(accessLine(output, "shop-log-404")).isNotNull());
        JsonNode line = accessLine(output, "shop-log-404");
        assertThat(line.path("http").path("status").asInt()).isEqualTo(404);
        assertThat(line.path("http").has("aborted")).isFalse();
    }

    private static JsonNode accessLine(CapturedOutput output, String requestId) {
        return output.getOut().lines()
                .filter(text -> text.startsWith("{") && text.contains(requestId))
                .map(JSON::readTree)
                .filter(json -> "gateway.access".equals(json.path("log").path("logger").asString(null)))
                .findFirst().orElse(null);
    }
}
