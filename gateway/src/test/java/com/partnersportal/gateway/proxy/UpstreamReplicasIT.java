package com.partnersportal.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.gateway.testing.GatewayStandIns;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A service run as replicas: orders-service at three addresses, one of which has nothing listening. The gateway
 * spreads requests over the two that answer and never sends one to the dead address; when a replica is killed, the
 * other takes all requests within seconds; with none left, the caller gets a 503 problem.
 */
@ServiceIntegrationTest
@Import(TestAccessTokens.Keys.class)
@TestPropertySource(properties = "management.server.port=0")
class UpstreamReplicasIT {

    static final WireMockServer FIRST = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer SECOND = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        FIRST.start();
        SECOND.start();
    }

    @DynamicPropertySource
    static void ordersAsReplicas(DynamicPropertyRegistry registry) {
        GatewayStandIns.otherServicesAt(registry, FIRST::baseUrl);
        registry.add("portal.services.orders-url", () -> FIRST.baseUrl() + "," + SECOND.baseUrl() + "," + GatewayStandIns.NOTHING_LISTENS);
    }

    @AfterAll
    static void stopReplicas() {
        if (FIRST.isRunning()) {
            FIRST.stop();
        }
        if (SECOND.isRunning()) {
            SECOND.stop();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void requestsAreSpreadOverTheLiveReplicasAndAKilledOneDropsOut() {
        FIRST.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"upstream\": \"first\"}")));
        SECOND.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"upstream\": \"second\"}")));
        // The first probes run as the routes are first used; until then the dead address may still be offered.
        await().atMost(Duration.ofSeconds(20)).until(() -> IntStream.range(0, 6)
                .allMatch(i -> docs() == 200));
        FIRST.resetRequests();
        SECOND.resetRequests();

        for (int i = 0; i < 20; i++) {
            assertThat(docs()).isEqualTo(200);
        }

        int first = FIRST.findAll(anyRequestedFor(urlPathEqualTo("/v3/api-docs"))).size();
        int second = SECOND.findAll(anyRequestedFor(urlPathEqualTo("/v3/api-docs"))).size();
        assertThat(first + second).isEqualTo(20);
        assertThat(first).as("requests to the first replica").isBetween(5, 15);
        assertThat(second).as("requests to the second replica").isBetween(5, 15);

        SECOND.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 6)
                .allMatch(i -> docs() == 200));
        for (int i = 0; i < 10; i++) {
            assertThat(docs()).isEqualTo(200);
        }

        FIRST.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(docs()).as("no replica left").isEqualTo(503));
    }

    private int docs() {
        return RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs/orders").retrieve()
                .onStatus(status -> true, (req, res) -> { }).toBodilessEntity().getStatusCode().value();
    }
}
