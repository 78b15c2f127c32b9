package com.partnersportal.notification.history;

import com.partnersportal.notification.testing.IdentityService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.NotificationIntegrationTest;
import com.partnersportal.testsupport.AccessTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /operator/v1/notifications}: operators list (filtered, newest first, paged) and read delivery records;
 * nobody else does. Records are written straight into the table here, each test in its own hour of 2020.
 */
@NotificationIntegrationTest
class OperatorNotificationsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/operator/v1/notifications";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private Instant hour;
    private String alice;
    private final List<UUID> seeded = new ArrayList<>();

    @BeforeEach
    void seed() {
        hour = Instant.parse("2020-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(300_000), ChronoUnit.HOURS);
        alice = "alice-" + UUID.randomUUID() + "@example.com";
        String bob = "bob-" + UUID.randomUUID() + "@example.com";
        seeded.add(record("user-invited", alice, "sent", 1, null, 1));
        seeded.add(record("password-reset", bob, "failed", 5, "Mail server connection failed: Connection refused", 2));
        seeded.add(record("order-export-ready", alice.toUpperCase(), "sent", 2, "Connection refused", 3));
        seeded.add(record("user-invited", "carol-" + UUID.randomUUID() + "@example.com", "pending", 1, "timeout", 4));
        seeded.add(record("order-export-failed", alice, "sent", 1, null, 5));
    }

    @Test
    void anOperatorPagesThroughNotificationsNewestFirst() {
        JsonNode first = list(AccessTokens.operator(), "created_from", hour, "created_to", hour.plusSeconds(3600), "limit", 2);
        assertThat(ids(first)).containsExactly(seeded.get(4), seeded.get(3));

        JsonNode second = list(AccessTokens.operator(), "created_from", hour, "created_to", hour.plusSeconds(3600), "limit", 2,
                "cursor", first.get("next_cursor").asString());
        assertThat(ids(second)).containsExactly(seeded.get(2), seeded.get(1));

        JsonNode last = list(AccessTokens.operator(), "created_from", hour, "created_to", hour.plusSeconds(3600), "limit", 2,
                "cursor", second.get("next_cursor").asString());
        assertThat(ids(last)).containsExactly(seeded.get(0));
        assertThat(last.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void anOperatorFiltersByRecipientStatusKindAndTime() {
        Instant to = hour.plusSeconds(3600);
        assertThat(ids(list(AccessTokens.operator(), "recipient", alice.toUpperCase(), "created_from", hour, "created_to", to)))
                .as("recipient, whatever its case").containsExactly(seeded.get(4), seeded.get(2), seeded.get(0));
        assertThat(ids(list(AccessTokens.operator(), "status", "failed", "created_from", hour, "created_to", to)))
                .containsExactly(seeded.get(1));
        assertThat(ids(list(AccessTokens.operator(), "kind", "user-invited", "created_from", hour, "created_to", to)))
                .containsExactly(seeded.get(3), seeded.get(0));
        assertThat(ids(list(AccessTokens.operator(), "recipient", alice, "status", "sent", "kind", "order-export-ready")))
                .containsExactly(seeded.get(2));
        assertThat(ids(list(AccessTokens.operator(), "created_from", hour.plusSeconds(120), "created_to", hour.plusSeconds(240))))
                .as("from inclusive, to exclusive").containsExactly(seeded.get(2), seeded.get(1));
    }

    @Test
    void aListedNotificationShowsItsDeliveryButNeverTheMailsBody() {
        JsonNode failed = list(AccessTokens.operator(), "status", "failed", "created_from", hour, "created_to", hour.plusSeconds(3600))
                .get("notifications").get(0);

        assertThat(failed.get("kind").asString()).isEqualTo("password-reset");
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("last_error").asString()).contains("Connection refused");
        assertThat(failed.get("language").asString()).isEqualTo("en");
        assertThat(failed.get("created_at").asString()).isEqualTo(hour.plusSeconds(120).toString());
        assertThat(failed.toString()).doesNotContain("secret").doesNotContain("body");
    }

    @Test
    void anOperatorReadsOneNotificationByIdAndAnUnknownOneIsA404() {
        ResponseEntity<String> found = get(AccessTokens.operator(), PATH + "/" + seeded.get(3));
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        JsonNode pending = JSON.readTree(found.getBody());
        assertThat(pending.get("id").asString()).isEqualTo(seeded.get(3).toString());
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("event_type").asString()).isEqualTo(UserInvited.TYPE);
        assertThat(pending.get("last_error").asString()).isEqualTo("timeout");
        assertThat(pending.toString()).doesNotContain("secret");

        ResponseEntity<String> unknown = get(AccessTokens.operator(), PATH + "/" + UUID.randomUUID());
        assertProblem(unknown, 404, "notification_not_found");
        assertProblem(get(AccessTokens.operator(), PATH + "/not-an-id"), 400, "invalid_parameter");
    }

    @Test
    void badFiltersAreProblemDetailsNamingTheParameter() {
        ResponseEntity<String> badStatus = get(AccessTokens.operator(), PATH + "?status=delivered");
        assertProblem(badStatus, 400, "invalid_parameter");
        assertThat(JSON.readTree(badStatus.getBody()).get("errors").get(0).get("data").get("parameter").asString())
                .isEqualTo("status");
        assertProblem(get(AccessTokens.operator(), PATH + "?limit=1000"), 400, "invalid_parameter");
        assertProblem(get(AccessTokens.operator(), PATH + "?created_from=yesterday"), 400, "invalid_parameter");
        assertProblem(get(AccessTokens.operator(), PATH + "?cursor=bm90IGEgY3Vyc29y"), 400, "invalid_cursor");
    }

    @Test
    void callersWithoutCredentialsAreUnauthenticated() {
        assertProblem(get(null, PATH), 401, "unauthenticated");
        assertProblem(get("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", PATH), 401, "invalid_token");
        assertProblem(get(null, PATH + "/" + seeded.getFirst()), 401, "unauthenticated");
    }

    @Test
    void merchantsAndTheirUsersAreForbidden() {
        ResponseEntity<String> merchantSystem = http().get().uri(PATH)
                .header("Authorization", "Bearer " + IdentityService.apiToken(UUID.randomUUID()))
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
        assertProblem(merchantSystem, 403, "forbidden");

        String admin = AccessTokens.user(UUID.randomUUID(), Permission.USERS_MANAGE, Permission.AUDIT_VIEW, Permission.ORDERS_VIEW);
        assertProblem(get(admin, PATH), 403, "forbidden");
        assertProblem(get(admin, PATH + "/" + seeded.getFirst()), 403, "forbidden");
    }

    @Test
    void anOperatorSeesTheMailAnEventCaused() {
        String address = "seen-" + UUID.randomUUID() + "@example.com";
        UUID user = UUID.randomUUID();
        String eventId;
        try (EventPublisher events = new EventPublisher(brokers)) {
            eventId = events.publish(IdentityTopics.USER_EVENTS, user, UserInvited.TYPE, new UserInvited(user,
                    UUID.randomUUID(), address, "Noura", "ar", "t0k3n", Instant.now().plusSeconds(3600), false,
                    UUID.randomUUID(), Instant.now()));
        }

        JsonNode sent = await().atMost(Duration.ofSeconds(30)).until(
                () -> list(AccessTokens.operator(), "recipient", address).get("notifications"),
                items -> items.size() == 1 && "sent".equals(items.get(0).get("status").asString())).get(0);
        assertThat(sent.get("kind").asString()).isEqualTo("user-invited");
        assertThat(sent.get("language").asString()).isEqualTo("ar");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("event_id").asString()).isEqualTo(eventId);
        assertThat(sent.get("subject").asString()).isEqualTo("دعوة للانضمام إلى بوابة الشركاء");
        assertThat(sent.get("sent_at").isNull()).isFalse();
    }

    private UUID record(String kind, String recipient, String status, int attempts, String lastError, int minute) {
        Instant created = hour.plusSeconds(60L * minute);
        return jdbc.sql("""
                        INSERT INTO notification (kind, recipient, language, subject, html_body, text_body, status, attempts,
                                                  last_error, event_id, event_type, created_at, sent_at, failed_at)
                        VALUES (:kind, :recipient, 'en', 'Subject', :html, :text, :status, :attempts, :lastError, :event,
                                :eventType, :created, :sent, :failed)
                        RETURNING id""")
                .param("kind", kind).param("recipient", recipient).param("status", status)
                .param("html", "pending".equals(status) ? "<p>secret link</p>" : null)
                .param("text", "pending".equals(status) ? "secret link" : null)
                .param("attempts", attempts).param("lastError", lastError)
                .param("event", UUID.randomUUID().toString()).param("eventType", UserInvited.TYPE)
                .param("created", Timestamp.from(created))
                .param("sent", "sent".equals(status) ? Timestamp.from(created.plusSeconds(1)) : null)
                .param("failed", "failed".equals(status) ? Timestamp.from(created.plusSeconds(30)) : null)
                .query(UUID.class).single();
    }

    private JsonNode list(String token, Object... filters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
        for (int i = 0; i < filters.length; i += 2) {
            uri.queryParam((String) filters[i], filters[i + 1].toString());
        }
        ResponseEntity<String> response = get(token, uri.encode().build().toUriString());
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("notifications").forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
        return ids;
    }

    private ResponseEntity<String> get(String token, String path) {
        RestClient.RequestHeadersSpec<?> request = http().get().uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().onStatus(status -> true, (req, response) -> { }).toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String errorCode) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("error_code").asString()).isEqualTo(errorCode);
    }
}
