package com.partnersportal.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** One Swagger UI at the gateway, listing every service's OpenAPI description fetched through it. */
@GatewayIntegrationTest
class ApiDocsIT {

    @Autowired
    GatewayClient gateway;

    @Test
    void eachServicesDescriptionIsServedUnderItsNameAndTheUiListsThemAll() {
        SERVICES.stubFor(get(urlPathEqualTo("/v3/api-docs")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"orders\"}}")));

        ResponseEntity<String> orders = gateway.call(HttpMethod.GET, "/v3/api-docs/orders", null);
        assertThat(orders.getStatusCode().value()).isEqualTo(200);
        assertThat(orders.getBody()).contains("\"openapi\": \"3.1.0\"");

        ResponseEntity<String> config = gateway.call(HttpMethod.GET, "/v3/api-docs/gateway/swagger-config", null);
        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getBody()).contains("/v3/api-docs/orders").contains("/v3/api-docs/identity")
                .contains("/v3/api-docs/settlement").contains("/v3/api-docs/webhooks").contains("/v3/api-docs/notification");
        assertThat(gateway.call(HttpMethod.GET, "/swagger-ui/index.html", null).getStatusCode().value()).isEqualTo(200);
    }
}
