package com.partnersportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.testsupport.HostileRoutes;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every route of identity-service's OpenAPI document, walked with hostile values by a valid caller of the right
 * tenant (the merchant's admin on /portal, an operator on /operator, nobody on the sign-in routes): no answer is a
 * 5xx, every refusal is problem details with an error code, and no refusal changes a row but the sign-in attempts,
 * which count refused sign-ins by design (the lockout). Left out: the sandbox clock and the signing-key rotation,
 * which would change them for the other tests sharing this service.
 */
@IdentityIntegrationTest
class HostileRoutesIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource database;
    @Autowired
    IdentityMother mother;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        IdentityMother.MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        String operator = mother.operator().accessToken();

        HostileRoutes.Walk walk = HostileRoutes.walk(port,
                path -> path.startsWith("/portal/") ? Map.of("Authorization", "Bearer " + admin)
                        : path.startsWith("/operator/") ? Map.of("Authorization", "Bearer " + operator) : Map.of(),
                Map.of("merchantId", merchant.id().toString()),
                path -> !path.contains("/clock") && !path.contains("/signing-keys"),
                HostileRoutes.rowCounts(database, "sign_in_attempt"));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(40);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
