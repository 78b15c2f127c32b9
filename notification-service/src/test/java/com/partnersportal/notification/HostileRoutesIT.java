package com.partnersportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.notification.testing.NotificationIntegrationTest;
import com.partnersportal.testsupport.AccessTokens;
import com.partnersportal.testsupport.HostileRoutes;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every route of notification-service's OpenAPI document, walked with hostile values by an operator (the only
 * callers it has): no answer is a 5xx, every refusal is problem details with an error code, and no refusal changes
 * a row. The sandbox clock is left out: moving it would move it for the other tests sharing this service.
 */
@NotificationIntegrationTest
class HostileRoutesIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource database;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        String operator = AccessTokens.operator();

        HostileRoutes.Walk walk = HostileRoutes.walk(port, path -> Map.of("Authorization", "Bearer " + operator),
                Map.of(), path -> !path.contains("/clock"), HostileRoutes.rowCounts(database));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(2);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
