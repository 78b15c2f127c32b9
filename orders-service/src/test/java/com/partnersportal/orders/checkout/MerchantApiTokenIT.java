package com.partnersportal.orders.checkout;

import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.TestMerchants;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.testsupport.AccessTokens;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Merchant systems authenticate with their API token, as on Tamara's API; identity-service says whose it is.
 * Its own context (its own properties) is closed afterwards, so that its consumers leave the group to the others.
 */
@ServiceIntegrationTest
@DirtiesContext
class MerchantApiTokenIT {

    private static final String CLIENT_SECRET = "orders-client-secret-for-this-test";
    private static final String SERVICE_TOKEN = AccessTokens.service("orders-service",
            ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT);
    private static final WireMockServer IDENTITY = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void identityService(DynamicPropertyRegistry registry) {
        registry.add("portal.services.identity-url", IDENTITY::baseUrl);
        registry.add("portal.service-client.secret", () -> CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        IDENTITY.resetAll();
        IDENTITY.stubFor(post(ServiceTokenClaims.TOKEN_PATH).withBasicAuth("orders-service", CLIENT_SECRET)
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    }

    @Test
    void aLiveTokenActsForItsMerchantAndIsCheckedOnceForABurst() {
        UUID merchant = TestMerchants.register(jdbc);
        UUID token = UUID.randomUUID();
        identityAnswers("ppk_sandbox_live", "{\"active\": true, \"merchant_id\": \"" + merchant
                + "\", \"token_id\": \"" + token + "\"}");

        assertThat(checkout("Bearer ppk_sandbox_live", "REF-TOKEN-1").getStatusCode().value()).isEqualTo(200);
        assertThat(checkout("Bearer ppk_sandbox_live", "REF-TOKEN-2").getStatusCode().value()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT DISTINCT merchant_id FROM orders WHERE order_reference_id LIKE 'REF-TOKEN-%'")
                .query(UUID.class).list()).containsExactly(merchant);
        IDENTITY.verify(1, postRequestedFor(urlEqualTo("/internal/api-tokens/introspect"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
        assertThat(jdbc.sql("SELECT DISTINCT actor_id FROM order_change WHERE kind = 'created'"
                + " AND order_id IN (SELECT id FROM orders WHERE merchant_id = :merchant)")
                .param("merchant", merchant).query(String.class).list())
                .as("the timeline names the API token that acted").containsExactly(token.toString());
    }

    @Test
    void anUnknownOrRevokedTokenIsRefusedAndNothingIsStored() {
        identityAnswers("ppk_sandbox_revoked", "{\"active\": false}");

        ResponseEntity<String> response = checkout("Bearer ppk_sandbox_revoked", "REF-REVOKED");

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).contains("\"error_code\":\"invalid_token\"");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_reference_id = 'REF-REVOKED'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void whenIdentityCannotAnswerTheCallerIsToldToRetryNotLetIn() {
        IDENTITY.stubFor(post("/internal/api-tokens/introspect").willReturn(aResponse().withStatus(503)));

        ResponseEntity<String> response = checkout("Bearer ppk_sandbox_whatever", "REF-IDENTITY-DOWN");

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).contains("\"error_code\":\"identity_unavailable\"");
    }

    private void identityAnswers(String token, String answer) {
        IDENTITY.stubFor(post("/internal/api-tokens/introspect")
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .withRequestBody(equalToJson("{\"token\": \"" + token + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
    }

    private ResponseEntity<String> checkout(String authorization, String reference) {
        return RestClient.create("http://localhost:" + port).post().uri("/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", authorization)
                .body(CheckoutBodies.saudiOrder(reference))
                .retrieve().onStatus(status -> true, (request, response) -> { })
                .toEntity(String.class);
    }
}
