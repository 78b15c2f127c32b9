package com.partnersportal.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.HostileRoutes;
import com.partnersportal.testsupport.TestAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every route of settlement-service's OpenAPI document, walked with hostile values by a valid caller of the right
 * tenant (a portal user of the merchant on /portal, an operator on /operator): no answer is a 5xx, every refusal is
 * problem details with an error code, and no refusal changes a row. The sandbox clock is left out: moving it would
 * move it for the other tests sharing this service.
 */
@SettlementIntegrationTest
class HostileRoutesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource database;
    @Autowired
    Clock clock;

    @Test
    void everyRouteRefusesHostileInputWithAProblemAndChangesNothing() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        try (Events events = new Events(brokers)) {
            events.legalEntity(merchant, ksa, "SA", "SAR", "Asia/Riyadh", "300000000000003");
            new Settlements(jdbc, new SettlementApi(port), clock).awaitRegistered(ksa);
        }
        // The sandbox onboards its EGS unit with ZATCA a few seconds after start (CsidWatch); walking before that
        // would count the unit's row against whichever refused request happened to be under way.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM zatca_egs_unit").query(Long.class).single() > 0);
        String user = TestAccessTokens.user(merchant, UUID.randomUUID(), EnumSet.allOf(Permission.class), List.of());
        String operator = TestAccessTokens.operator(UUID.randomUUID());

        HostileRoutes.Walk walk = HostileRoutes.walk(port,
                path -> Map.of("Authorization", "Bearer " + (path.startsWith("/operator/") ? operator : user)),
                Map.of("legalEntityId", ksa.toString()), path -> !path.contains("/clock"),
                HostileRoutes.rowCounts(database));

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(25);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }
}
