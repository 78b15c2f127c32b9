package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.contract.WebhookTopics;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The timers: auto-disable after days of nothing but failures, retention, and the metrics operations watch. */
@WebhooksIntegrationTest
class MaintenanceIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Maintenance maintenance;

    final UUID merchant = UUID.randomUUID();

    @Test
    void anEndpointFailingForFiveDaysIsDisabledOnceAndItsAdminsAreTold() {
        WebhooksApi api = new WebhooksApi(port);
        UUID failing = api.register(merchant, "https://failing.example.com/hook", List.of("order_approved"));
        UUID recent = api.register(merchant, "https://recent.example.com/hook", List.of("order_approved"));
        Instant sixDaysAgo = Instant.now().minus(Duration.ofDays(6));
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = :t, last_error = 'HTTP 500' WHERE id = :id")
                .param("t", Timestamp.from(sixDaysAgo)).param("id", failing).update();
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = :t WHERE id = :id")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofDays(4)))).param("id", recent).update();

        try (TopicReader topic = new TopicReader(brokers, WebhookTopics.ENDPOINT_EVENTS)) {
            maintenance.disableFailing();
            maintenance.disableFailing();
            var record = topic.awaitRecord(r -> failing.toString().equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(WebhookEndpointDisabled.TYPE);
            assertThat(TopicReader.value(record)).contains("\"reason\":\"failing_since\"", "\"last_error\":\"HTTP 500\"",
                    "\"failing_since\":\"" + sixDaysAgo.toString().substring(0, 19));
            assertThat(topic.recordsMatching(r -> failing.toString().equals(r.key()))).hasSize(1);
            assertThat(topic.recordsMatching(r -> recent.toString().equals(r.key()))).isEmpty();
        }
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + failing, null).body().get("disabled_reason")
                .asString()).isEqualTo("failing_since");
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + recent, null).body().get("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void oldAttemptsAndFinishedMessagesArePrunedAndWaitingOnesKept() {
        WebhooksApi api = new WebhooksApi(port);
        UUID endpoint = api.register(merchant, "https://prune.example.com/hook", List.of("order_approved"));
        Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(120)));
        UUID finished = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        for (UUID id : List.of(finished, waiting)) {
            jdbc.sql("""
                            INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_key, payload,
                                                         status, next_attempt_at, occurred_at, created_at, finished_at)
                            VALUES (:id, :e, :m, :id, 'order_approved', :id, '{}', :status, :far, :old, :old, :finished)""")
                    .param("id", id).param("e", endpoint).param("m", merchant)
                    .param("status", id == finished ? "delivered" : "pending")
                    .param("far", Timestamp.from(Instant.now().plus(Duration.ofDays(1)))).param("old", old)
                    .param("finished", id == finished ? old : null, java.sql.Types.TIMESTAMP).update();
            jdbc.sql("""
                            INSERT INTO webhook_attempt (message_id, endpoint_id, attempt_number, started_at, latency_ms, outcome,
                                                         url, request_headers)
                            VALUES (:id, :e, 1, :old, 5, 'http_error', 'https://prune.example.com/hook', '{}')""")
                    .param("id", id).param("e", endpoint).param("old", old).update();
        }
        maintenance.prune();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_message WHERE id IN (:a, :b)").param("a", finished)
                .param("b", waiting).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_attempt WHERE endpoint_id = :e").param("e", endpoint)
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyEndpointHasAQueueDepthFromTheStartAndADeletedOneNone() {
        WebhooksApi api = new WebhooksApi(port);
        UUID idle = api.register(merchant, "https://idle.example.com/hook", List.of("order_approved"));
        UUID deleted = api.register(merchant, "https://deleted.example.com/hook", List.of("order_approved"));
        assertThat(api.asMerchant(merchant, HttpMethod.DELETE, "/webhooks/" + deleted, null).status()).isLessThan(300);

        maintenance.refreshGauges();
        String metrics = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve()
                .body(String.class);

        assertThat(metrics).containsPattern("(?m)^portal_webhooks_queue_depth\\{[^}]*endpoint=\"" + idle + "\"[^}]*} 0\\.0$")
                .doesNotContain(deleted.toString());
    }

    @Test
    void deliveryMetricsArePublished() {
        maintenance.refreshGauges();
        String metrics = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve()
                .body(String.class);
        assertThat(metrics).contains("portal_webhooks_pending", "portal_webhooks_in_flight",
                "portal_webhooks_attempt_duration_seconds_bucket", "portal_webhooks_delivery_lag_seconds_bucket");
    }
}
