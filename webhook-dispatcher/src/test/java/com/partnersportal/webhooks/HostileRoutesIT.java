package com.partnersportal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.HostileRoutes;
import com.partnersportal.testsupport.IdentityStandIn;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every route of webhook-dispatcher's OpenAPI document, walked with hostile values by a valid caller of the right
 * tenant (the merchant's API token on Tamara's /webhooks API, a portal user of the merchant on /portal): no answer is
 * a 5xx, every refusal is problem details with an error code, and no refusal changes a row. Webhook URLs in the walk
 * point at loopback, which the SSRF guard refuses: nothing leaves the machine.
 */
@WebhooksIntegrationTest
@DirtiesContext
class HostileRoutesIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource database;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        UUID merchant = UUID.randomUUID();
        String apiToken = IdentityStandIn.apiToken(merchant);
        String user = TestAccessTokens.user(merchant, UUID.randomUUID(), EnumSet.allOf(Permission.class), List.of());

        HostileRoutes.Walk walk = HostileRoutes.walk(port,
                path -> Map.of("Authorization", "Bearer " + (path.startsWith("/portal/") ? user : apiToken)),
                Map.of(), path -> !path.contains("/clock"), HostileRoutes.rowCounts(database));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(15);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
