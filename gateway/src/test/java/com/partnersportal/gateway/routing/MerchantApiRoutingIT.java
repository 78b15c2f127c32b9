package com.partnersportal.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** Merchant systems call Tamara's paths on the gateway and reach orders-service (a real HTTP receiver here). */
@ServiceIntegrationTest
class MerchantApiRoutingIT {

    private static final WireMockServer ORDERS = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        ORDERS.start();
    }

    @DynamicPropertySource
    static void ordersService(DynamicPropertyRegistry registry) {
        registry.add("portal.services.orders-url", ORDERS::baseUrl);
    }

    @AfterAll
    static void stop() {
        ORDERS.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void checkoutIsForwardedToOrdersServiceWithItsBodyAndHeaders() {
        ORDERS.stubFor(post("/checkout").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"order_id\":\"o-1\",\"status\":\"new\"}")));

        ResponseEntity<String> response = RestClient.create("http://localhost:" + port).post().uri("/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Merchant-Id", "m-1")
                .body("{\"order_reference_id\":\"REF-1\"}")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"order_id\":\"o-1\"");
        ORDERS.verify(postRequestedFor(urlEqualTo("/checkout"))
                .withHeader("X-Merchant-Id", equalTo("m-1"))
                .withRequestBody(equalToJson("{\"order_reference_id\":\"REF-1\"}")));
    }
}
