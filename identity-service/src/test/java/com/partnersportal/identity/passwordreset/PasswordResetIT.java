package com.partnersportal.identity.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class PasswordResetIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aResetLinkIsMailedSetsANewPasswordAndEndsEveryOtherSession() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();

        Reply requested = portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email()));

        assertThat(requested.status()).isEqualTo(202);
        String token;
        try (TopicReader userEvents = new TopicReader(brokers, IdentityTopics.USER_EVENTS)) {
            ConsumerRecord<String, byte[]> record = userEvents.awaitRecord(r -> admin.userId().toString().equals(r.key())
                    && PasswordResetRequested.TYPE.equals(TopicReader.header(r, CloudEventHeaders.TYPE)),
                    Duration.ofSeconds(20));
            JsonNode event = Portal.parse(TopicReader.value(record));
            assertThat(event.get("email").asString()).isEqualTo(admin.email());
            token = event.get("reset_token").asString();
        }
        assertThat(portal.get("/auth/v1/password-reset?token=" + token, null).json().get("email").asString())
                .isEqualTo(admin.email());
        String newPassword = IdentityMother.strongPassword();

        Reply confirmed = portal.post("/auth/v1/password-reset/confirm", null,
                Portal.json("token", token, "password", newPassword));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(portal.signIn(admin.email(), admin.password()).status()).isEqualTo(401);
        assertThat(portal.signIn(admin.email(), newPassword).status()).isEqualTo(200);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", admin.refreshToken())).status())
                .as("the session from before the reset is over").isEqualTo(401);
        assertThat(portal.post("/auth/v1/password-reset/confirm", null, Portal.json("token", token,
                "password", IdentityMother.strongPassword())).errorCode()).isEqualTo("reset_link_used");
    }

    @Test
    void aResetLiftsTheAccountsSignInLock() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        for (int i = 0; i < 5; i++) {
            portal.signIn(admin.email(), "Wrong-Password-" + i);
        }
        assertThat(portal.signIn(admin.email(), admin.password()).status()).isEqualTo(429);
        portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email()));
        String newPassword = IdentityMother.strongPassword();

        portal.post("/auth/v1/password-reset/confirm", null,
                Portal.json("token", mother.resetTokenOf(admin.userId()), "password", newPassword));

        assertThat(portal.signIn(admin.email(), newPassword).status()).isEqualTo(200);
    }

    @Test
    void theAnswerIsTheSameWhetherTheEmailExistsOrNot() {
        long before = jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :t")
                .param("t", PasswordResetRequested.TYPE).query(Long.class).single();

        String knownEmail = mother.merchant().admin().email();
        long started = System.nanoTime();
        Reply unknown = mother.portal().post("/auth/v1/password-reset", null,
                Portal.json("email", IdentityMother.uniqueEmail("nobody")));
        Duration unknownTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        Reply known = mother.portal().post("/auth/v1/password-reset", null,
                Portal.json("email", knownEmail));
        Duration knownTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEmpty();
        assertThat(known.status()).isEqualTo(202);
        assertThat(known.body()).isEmpty();
        assertThat(List.of(unknownTook, knownTook)).as("both answer only once the fixed answer time has passed, "
                + "so the time cannot tell a known email from an unknown one").allMatch(took -> took.toMillis() >= 250);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :t")
                .param("t", PasswordResetRequested.TYPE).query(Long.class).single())
                .as("only the known email's reset is mailed").isEqualTo(before + 1);
        assertThat(mother.portal().post("/auth/v1/password-reset", null, Portal.json("email", "")).status())
                .isEqualTo(400);
    }

    @Test
    void resetEmailsAreLimitedPerUserSoTheFormCannotFloodAMailbox() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();

        for (int i = 0; i < 5; i++) {
            assertThat(portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email())).status())
                    .isEqualTo(202);
        }

        assertThat(mother.eventsOf(admin.userId(), PasswordResetRequested.TYPE)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(16));
        portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email()));
        assertThat(mother.eventsOf(admin.userId(), PasswordResetRequested.TYPE)).isEqualTo(4);
    }

    @Test
    void aResetLinkExpiresAndANewerOneReplacesIt() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email()));
        String first = mother.resetTokenOf(admin.userId());
        portal.post("/auth/v1/password-reset", null, Portal.json("email", admin.email()));
        String second = mother.resetTokenOf(admin.userId());

        assertThat(portal.get("/auth/v1/password-reset?token=" + first, null).errorCode()).isEqualTo("reset_link_expired");
        clock.advance(Duration.ofHours(73));
        Reply expired = portal.post("/auth/v1/password-reset/confirm", null,
                Portal.json("token", second, "password", IdentityMother.strongPassword()));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.errorCode()).isEqualTo("reset_link_expired");
        assertThat(portal.get("/auth/v1/password-reset?token=forged", null).errorCode()).isEqualTo("reset_link_invalid");
    }
}
