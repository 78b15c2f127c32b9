package com.partnersportal.notification.recipients;

import static com.partnersportal.notification.testing.Mailbox.PATIENCE;
import static com.partnersportal.notification.testing.Mailbox.awaitOneMailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.IdentityService;
import com.partnersportal.notification.testing.IdentityService.Member;
import com.partnersportal.notification.testing.NotificationIntegrationTest;
import com.partnersportal.notification.testing.NotificationTestContextCustomizerFactory;
import com.partnersportal.notification.testing.RecipientLookupRows;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.contract.WebhookTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When identity-service cannot name an event's recipients: retried, then given up keeping the event, never lost. */
@NotificationIntegrationTest
class RecipientLookupIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private EventPublisher events;
    private RecipientLookupRows lookups;
    private StoredNotifications stored;

    @BeforeEach
    void connectPublisher() {
        events = new EventPublisher(brokers);
        lookups = new RecipientLookupRows(jdbc);
        stored = new StoredNotifications(jdbc);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    @Test
    void identityDownForEveryAttemptGivesTheLookupUpKeepingTheEventUntilAnOperatorSetsItBack() {
        UUID merchant = UUID.randomUUID();
        Member developer = Member.named("Omar", "en");
        IdentityService.answers(503, merchant, Permission.WEBHOOKS_MANAGE, null);
        double failedBefore = lookupsThat("failed");

        String eventId = publishDisabledEndpoint(merchant);

        await().atMost(PATIENCE).until(() -> lookups.ofEvent(eventId)
                .filter(lookup -> "failed".equals(lookup.status())).isPresent());
        RecipientLookupRows.Row given = lookups.ofEvent(eventId).orElseThrow();
        assertThat(given.attempts()).isEqualTo(NotificationTestContextCustomizerFactory.MAX_ATTEMPTS);
        assertThat(given.lastError()).contains("503");
        assertThat(given.forgotten()).as("the event is kept for a retry").isFalse();
        assertThat(IdentityService.questionsAbout(merchant)).hasSize(NotificationTestContextCustomizerFactory.MAX_ATTEMPTS);
        assertThat(lookupsThat("failed")).isEqualTo(failedBefore + 1);

        IdentityService.audience(merchant, Permission.WEBHOOKS_MANAGE, null, developer);
        jdbc.sql("UPDATE recipient_lookup SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE event_id = :id")
                .param("id", eventId).update();

        assertThat(awaitOneMailTo(developer.email()).subject()).startsWith("Webhook endpoint disabled");
        assertThat(stored.single(developer.email()).eventId()).isEqualTo(eventId);
    }

    @Test
    void aQuestionIdentityServiceRefusesIsGivenUpAtOnce() {
        UUID merchant = UUID.randomUUID();
        IdentityService.answers(400, merchant, Permission.WEBHOOKS_MANAGE, null);

        String eventId = publishDisabledEndpoint(merchant);

        await().atMost(PATIENCE).until(() -> lookups.ofEvent(eventId)
                .filter(lookup -> "failed".equals(lookup.status())).isPresent());
        assertThat(lookups.ofEvent(eventId).orElseThrow().attempts()).isEqualTo(1);
        assertThat(lookups.ofEvent(eventId).orElseThrow().lastError()).contains("refused").contains("400");
        assertThat(IdentityService.questionsAbout(merchant)).hasSize(1);
    }

    private String publishDisabledEndpoint(UUID merchant) {
        UUID endpoint = UUID.randomUUID();
        return events.publish(WebhookTopics.ENDPOINT_EVENTS, endpoint, WebhookEndpointDisabled.TYPE,
                new WebhookEndpointDisabled(endpoint, merchant, "https://shop.example.com/hooks", null, "gone", null,
                        "HTTP 410", 3, Instant.now()));
    }

    private double lookupsThat(String outcome) {
        return meters.get("portal.notifications.recipient.lookups").tag("outcome", outcome).counter().count();
    }
}
