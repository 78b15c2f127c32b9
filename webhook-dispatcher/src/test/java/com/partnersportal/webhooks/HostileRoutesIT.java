package com.partnersportal.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.HostileRoutes;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every route of webhook-dispatcher's OpenAPI document, walked with hostile values by a valid caller of the right
 * tenant (the merchant's API token on Tamara's /webhooks API, a portal user of the merchant on /portal): no answer is
 * a 5xx, every refusal is problem details with an error code, and no refusal changes a row. Webhook URLs in the walk
 * point at loopback, which the SSRF guard refuses: nothing leaves the machine.
 */
@WebhooksIntegrationTest
@DirtiesContext
class HostileRoutesIT {

    private static final WireMockServer IDENTITY = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String API_TOKEN = "ppk_sandbox_hostile_walk";

    static {
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void identityService(DynamicPropertyRegistry registry) {
        registry.add("portal.services.identity-url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource database;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        UUID merchant = UUID.randomUUID();
        IDENTITY.stubFor(post(urlEqualTo("/internal/api-tokens/introspect")).willReturn(okJson(
                "{\"active\": true, \"merchant_id\": \"" + merchant + "\", \"token_id\": \"" + UUID.randomUUID() + "\"}")));
        String user = TestAccessTokens.user(merchant, UUID.randomUUID(), EnumSet.allOf(Permission.class), List.of());

        HostileRoutes.Walk walk = HostileRoutes.walk(port,
                path -> Map.of("Authorization", "Bearer " + (path.startsWith("/portal/") ? user : API_TOKEN)),
                Map.of(), path -> !path.contains("/clock"), HostileRoutes.rowCounts(database));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(15);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
