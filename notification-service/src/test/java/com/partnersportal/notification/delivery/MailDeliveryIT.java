package com.partnersportal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.MailServer;
import com.partnersportal.notification.testing.NotificationIntegrationTest;
import com.partnersportal.notification.testing.NotificationTestContextCustomizerFactory;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.orders.contract.OrderExportReady;
import com.partnersportal.orders.contract.OrderTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Delivery against a real SMTP server that goes away: nothing asked for during an outage is lost, each failed
 * attempt is recorded, and a mail that keeps failing is given up after the configured attempts (5 in tests,
 * 0.3 s, 0.6 s, 1.2 s and 2 s apart).
 */
@NotificationIntegrationTest
class MailDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = NotificationTestContextCustomizerFactory.MAX_ATTEMPTS;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @LocalServerPort
    int port;

    private EventPublisher events;
    private StoredNotifications stored;

    @BeforeEach
    void connectAndLetTheServiceFinishWhatOtherTestsAskedFor() {
        events = new EventPublisher(brokers);
        stored = new StoredNotifications(jdbc);
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE status = 'pending' AND next_attempt_at IS NOT NULL")
                .query(Long.class).single() == 0);
    }

    @AfterEach
    void smtpServerIsBack() {
        MailServer.start();
        events.close();
    }

    @Test
    void mailsAskedForDuringAnSmtpOutageAreAllDeliveredOnceItIsBackWithTheirAttemptsRecorded() {
        String invited = address();
        String reset = address();
        String export = address();
        double retriesBefore = attemptFailures("user-invited") + attemptFailures("password-reset")
                + attemptFailures("order-export-ready");
        MailServer.stop();

        invite(invited);
        resetPassword(reset);
        exportReady(export);

        for (String address : List.of(invited, reset, export)) {
            await().atMost(PATIENCE).until(() -> stored.to(address), rows -> rows.size() == 1
                    && rows.getFirst().attempts() >= 2 && "pending".equals(rows.getFirst().status()));
            assertThat(stored.single(address).lastError()).contains("Connection refused");
        }
        assertThat(meters.find("portal.notifications.pending").gauge().value()).isGreaterThanOrEqualTo(3);
        assertThat(attemptFailures("user-invited") + attemptFailures("password-reset") + attemptFailures("order-export-ready"))
                .isGreaterThanOrEqualTo(retriesBefore + 6);

        MailServer.start();

        for (String address : List.of(invited, reset, export)) {
            await().atMost(PATIENCE).until(() -> MailServer.mailsTo(address).size() == 1
                    && "sent".equals(stored.single(address).status()));
            StoredNotifications.Row record = stored.single(address);
            assertThat(record.attempts()).isBetween(3, MAX_ATTEMPTS);
            assertThat(record.sentAt()).isNotNull();
            assertThat(record.lastError()).as("the outage stays on record").contains("Connection refused");
        }
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpAfterTheConfiguredAttemptsAndNeverSentLater() {
        String address = address();
        double failedBefore = failed("user-invited");
        MailServer.stop();

        invite(address);

        StoredNotifications.Row record = await().atMost(PATIENCE).until(() -> stored.to(address),
                rows -> rows.size() == 1 && "failed".equals(rows.getFirst().status())).getFirst();
        assertThat(record.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(record.lastError()).contains("Connection refused");
        assertThat(record.failedAt()).isNotNull();
        assertThat(record.sentAt()).isNull();
        assertThat(record.htmlBody()).as("the link's secret is not kept").isNull();
        assertThat(record.textBody()).isNull();
        assertThat(failed("user-invited")).isEqualTo(failedBefore + 1);

        MailServer.start();
        // A mail asked for after it goes through the same sender: once that one is sent, the failed one had its chance.
        String later = address();
        invite(later);
        await().atMost(PATIENCE).until(() -> MailServer.mailsTo(later).size() == 1);
        assertThat(MailServer.mailsTo(address)).isEmpty();
        assertThat(stored.single(address).status()).isEqualTo("failed");
        assertThat(stored.single(address).attempts()).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void anAddressThatIsNotOneIsGivenUpAtTheFirstAttempt() {
        String address = "noura@@example.com";
        UUID user = UUID.randomUUID();

        events.publish(IdentityTopics.USER_EVENTS, user, UserInvited.TYPE, new UserInvited(user, UUID.randomUUID(),
                address, "Noura", "en", "t0k3n", Instant.now().plusSeconds(3600), false, UUID.randomUUID(), Instant.now()));

        StoredNotifications.Row record = await().atMost(PATIENCE).until(() -> stored.to(address),
                rows -> rows.size() == 1 && "failed".equals(rows.getFirst().status())).getFirst();
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.lastError()).startsWith("the recipient address is not valid");
    }

    @Test
    void deliveryIsVisibleInThePrometheusMetricsByKind() {
        String address = address();
        invite(address);
        await().atMost(PATIENCE).until(() -> MailServer.mailsTo(address).size() == 1);

        String metrics = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .retrieve().body(String.class);
        assertThat(metrics)
                .containsPattern("portal_notifications_sent_total\\{application=\"notification-service\",kind=\"user-invited\"} [1-9]")
                .contains("portal_notifications_failed_total{application=\"notification-service\",kind=\"password-reset\"}")
                .contains("portal_notifications_attempt_failures_total{application=\"notification-service\",kind=\"order-export-ready\"}")
                .containsPattern("portal_notifications_pending\\{application=\"notification-service\"} \\d");
    }

    private void invite(String address) {
        UUID user = UUID.randomUUID();
        events.publish(IdentityTopics.USER_EVENTS, user, UserInvited.TYPE, new UserInvited(user, UUID.randomUUID(),
                address, "Noura", "en", "t0k3n-" + user, Instant.now().plusSeconds(3600), false, UUID.randomUUID(),
                Instant.now()));
    }

    private void resetPassword(String address) {
        UUID user = UUID.randomUUID();
        events.publish(IdentityTopics.USER_EVENTS, user, PasswordResetRequested.TYPE, new PasswordResetRequested(user,
                UUID.randomUUID(), address, "نورة", "ar", "r3s3t-" + user, Instant.now().plusSeconds(3600), Instant.now()));
    }

    private void exportReady(String address) {
        UUID export = UUID.randomUUID();
        events.publish(OrderTopics.EXPORT_EVENTS, export, OrderExportReady.TYPE, new OrderExportReady(export,
                UUID.randomUUID(), UUID.randomUUID(), address, "Noura", "en", LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-24"), 3, "https://files.partners.test/" + export + ".csv",
                Instant.now().plusSeconds(86400), Instant.now()));
    }

    private double attemptFailures(String kind) {
        return count("portal.notifications.attempt.failures", kind);
    }

    private double failed(String kind) {
        return count("portal.notifications.failed", kind);
    }

    private double count(String name, String kind) {
        Counter counter = meters.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String address() {
        return "delivery-" + UUID.randomUUID() + "@example.com";
    }
}
