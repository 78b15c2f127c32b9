package com.partnersportal.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The gateway in front of real HTTP receivers: one WireMock stands in for identity, orders, settlement and
 * webhooks (answering every request with 200 unless a test says otherwise, and introspecting the API token
 * {@value #API_TOKEN} as live); notification-service's address has nothing listening, as if it were down.
 * Access tokens are signed with the test key, which the gateway trusts in place of identity's JWKS.
 */
@ServiceIntegrationTest
@Import(TestAccessTokens.Keys.class)
// Every test calls from 127.0.0.1: the address limits stay out of the way unless a test lowers them.
@TestPropertySource(properties = {"management.server.port=0", "portal.gateway.rate-limits.per-address=1000000",
        "portal.gateway.rate-limits.sign-in-per-address=1000000"})
public abstract class GatewayTest {

    public static final String API_TOKEN = "ppk_sandbox_gateway_test";
    public static final UUID API_TOKEN_MERCHANT = UUID.randomUUID();
    /** The gateway's client secret here, and the service token the stand-in identity issues for it. */
    static final String CLIENT_SECRET = "gateway-test-client-secret";
    static final String SERVICE_TOKEN = TestAccessTokens.service("gateway", ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT);
    public static final WireMockServer SERVICES = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SERVICES.start();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"identity", "orders", "settlement", "webhooks"}) {
            registry.add("portal.services." + service + "-url", SERVICES::baseUrl);
        }
        registry.add("portal.services.notification-url", () -> "http://127.0.0.1:1");
        registry.add("portal.service-client.secret", () -> CLIENT_SECRET);
        registry.add("portal.gateway.upstreams.route-timeouts.invoices", () -> "1s");
        registry.add("portal.gateway.cors.allowed-origins", () -> "https://portal.example");
    }

    /**
     * A caller's plain client that retries nothing and follows no redirect, whatever HTTP library the gateway brings
     * (RestClient.create() would pick Apache HttpClient when present, which retries 503s and 429s): it sees exactly
     * what the gateway answers.
     */
    private static final RestClient CALLER = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();

    @LocalServerPort
    protected int port;

    @BeforeEach
    void answerEverything() {
        SERVICES.resetAll();
        SERVICES.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"upstream\": \"reached\"}")));
        // identity's client-credentials grant, and introspection only for the service token it issued.
        SERVICES.stubFor(post(ServiceTokenClaims.TOKEN_PATH).atPriority(1).withBasicAuth("gateway", CLIENT_SECRET)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
        SERVICES.stubFor(post("/internal/api-tokens/introspect").atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"active\": true, \"merchant_id\": \"%s\", \"token_id\": \"%s\"}"
                        .formatted(API_TOKEN_MERCHANT, UUID.randomUUID()))));
    }

    protected ResponseEntity<String> call(HttpMethod method, String path, Map<String, String> headers, String body) {
        RestClient.RequestBodySpec request = CALLER.method(method).uri("http://localhost:" + port + path);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }

    protected ResponseEntity<String> call(HttpMethod method, String path, String bearer) {
        return call(method, path, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), null);
    }
}
