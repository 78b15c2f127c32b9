package com.partnersportal.orders.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.IdentityEvents;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.partnersportal.kit.work.Lease;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work a user started stops when their access is revoked: an export in progress is never finished nor announced
 * (so never mailed), and the link of a finished one stops working, through identity's event on the real broker.
 */
@OrdersIntegrationTest
class RevokedRequesterIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExportJobs jobs;
    @Autowired
    OrderExportRepository exports;

    private OrdersApi api;
    private UUID merchant;
    private UUID user;
    private String token;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        merchant = TestMerchants.register(jdbc);
        user = UUID.randomUUID();
        token = TestAccessTokens.user(merchant, user, Set.of(Permission.ORDERS_VIEW, Permission.ORDERS_EXPORT), List.of());
    }

    @Test
    void theLinkOfAFinishedExportStopsWorkingOnceItsRequesterIsDisabled() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
        try (TopicReader exportEvents = new TopicReader(brokers, OrderTopics.EXPORT_EVENTS)) {
            OrdersApi.Answer accepted = api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                    "{\"created_from\": \"%s\", \"created_to\": \"%s\"}".formatted(today.minusDays(1), today));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            String exportId = accepted.text("export_id");
            String link = OrdersApi.JSON.readTree(TopicReader.value(exportEvents.awaitRecord(
                    r -> exportId.equals(r.key()), Duration.ofSeconds(30)))).get("download_url").asString()
                    .replace("http://127.0.0.1:8080", "http://localhost:" + port);
            assertThat(get(link).statusCode()).isEqualTo(200);

            IdentityEvents.userAccessRevoked(brokers, user, merchant, "disabled");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> refused = get(link);
                assertThat(refused.statusCode()).isEqualTo(404);
                assertThat(refused.body()).contains("download_link_revoked");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> status(exportId), "REVOKED"::equals);
            assertThat(get(link).body()).as("still refused from the database, after the view forgets")
                    .contains("download_link_revoked");
        }
    }

    @Test
    void anExportStillRunningWhenItsRequesterIsRemovedIsNeverFinishedNorAnnounced() {
        UUID exportId = UUID.randomUUID();
        Lease lease = new Lease(UUID.randomUUID(), Instant.now(), Instant.now().plusSeconds(3600));
        // As if a worker had claimed it and were still writing (the lease keeps the scheduled worker off it).
        jdbc.sql("""
                        INSERT INTO order_export (id, merchant_id, requested_by, recipient_email, filters, created_from,
                            created_to, time_zone, status, attempts, lease_until, claimed_by, created_at, started_at, version)
                        VALUES (:id, :merchant, :user, 'gone@merchant.example', '{}', CURRENT_DATE, CURRENT_DATE,
                            'Asia/Riyadh', 'RUNNING', 1, :lease, :claim, :now, :now, 1)""")
                .param("id", exportId).param("merchant", merchant).param("user", user.toString())
                .param("lease", Timestamp.from(lease.until())).param("claim", lease.id())
                .param("now", Timestamp.from(Instant.now().minusSeconds(5)))
                .update();

        IdentityEvents.userAccessRevoked(brokers, user, merchant, "removed");

        await().atMost(Duration.ofSeconds(10)).until(() -> status(exportId.toString()), "REVOKED"::equals);
        assertThat(jobs.finish(exports.findById(exportId).orElseThrow(), lease, 165, exportId + ".csv", 1024)).isFalse();
        assertThat(status(exportId.toString())).isEqualTo("REVOKED");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = :key")
                .param("key", exportId.toString()).query(Long.class).single()).as("nothing announced, nothing mailed")
                .isZero();
    }

    @Test
    void aDisabledUsersAccessTokenIsRefusedOnceTheEventArrivesAndAColleaguesIsNot() {
        String colleague = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
        assertThat(api.asUser(token, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(200);

        IdentityEvents.userAccessRevoked(brokers, user, merchant, "disabled");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            OrdersApi.Answer refused = api.asUser(token, HttpMethod.GET, "/portal/v1/orders", null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.raw()).contains("invalid_token");
        });
        assertThat(api.asUser(colleague, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(200);
    }

    @Test
    void aRoleChangeRemovingAPermissionVoidsTheTokenCarryingItTheNextTokenHasOnlyTheNewRights() {
        String refunder = TestAccessTokens.user(merchant, user, Set.of(Permission.ORDERS_VIEW, Permission.ORDERS_REFUND),
                List.of());
        assertThat(api.asUser(refunder, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(200);

        IdentityEvents.userAccessRevoked(brokers, user, merchant, "rights_changed");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.asUser(refunder, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(401));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.asUser(
                TestAccessTokens.user(merchant, user, Set.of(Permission.ORDERS_VIEW), List.of()), HttpMethod.GET,
                "/portal/v1/orders", null).status()).as("a token issued after the change").isEqualTo(200));
    }

    private String status(String exportId) {
        return jdbc.sql("SELECT status FROM order_export WHERE id = :id").param("id", UUID.fromString(exportId))
                .query(String.class).single();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
