package com.partnersportal.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The services behind the gateway in its tests: one WireMock answering every request with 200 unless a test says
 * otherwise, issuing the gateway's service token and introspecting the API token {@value #API_TOKEN} as live. It points
 * the gateway at them (an initializer of the test context) and puts them back to that before each test.
 */
public final class GatewayStandIns implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        BeforeEachCallback {

    public static final String API_TOKEN = "ppk_sandbox_gateway_test";
    public static final UUID API_TOKEN_MERCHANT = UUID.randomUUID();
    /** The gateway's client secret here, and the service token the stand-in identity issues for it. */
    static final String CLIENT_SECRET = "gateway-test-client-secret";
    static final String SERVICE_TOKEN = TestAccessTokens.service("gateway", ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT);
    public static final WireMockServer SERVICES = new WireMockServer(wireMockConfig().dynamicPort());
    /**
     * An address where nothing listens: a privileged port, so nothing on the machine takes it. Two digits, because
     * Reactor Netty 1.3 reads a one-digit port ({@code :1}) as part of the host name and asks DNS for it.
     */
    public static final String NOTHING_LISTENS = "http://127.0.0.1:19";

    static {
        SERVICES.start();
    }

    /**
     * For a test that runs its own orders-service in place of the stand-ins: every other service at {@code address}.
     * (It cannot be a {@code @GatewayIntegrationTest}: the stand-ins' addresses would win over the test's own.)
     */
    public static void otherServicesAt(DynamicPropertyRegistry registry, Supplier<Object> address) {
        for (String service : new String[] {"identity", "settlement", "webhooks", "notification"}) {
            registry.add("portal.services." + service + "-url", address);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        for (String service : new String[] {"identity", "orders", "settlement", "webhooks"}) {
            properties.put("portal.services." + service + "-url", SERVICES.baseUrl());
        }
        properties.put("portal.services.notification-url", NOTHING_LISTENS);
        properties.put("portal.service-client.secret", CLIENT_SECRET);
        properties.put("portal.gateway.upstreams.route-timeouts.invoices", "1s");
        properties.put("portal.gateway.cors.allowed-origins", "https://portal.example");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-stand-ins", properties));
    }

    @Override
    public void beforeEach(ExtensionContext test) {
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
}
