package com.partnersportal.identity.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class ActivationIT {

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void anInvitedUserGetsTheActivationEmailEventFollowsTheLinkSetsAPasswordAndSignsIn() {
        MerchantFixture merchant = mother.merchant();
        String email = IdentityMother.uniqueEmail("noura");
        Portal portal = mother.portal();

        Reply invited = portal.post("/portal/v1/users", merchant.admin().accessToken(), Portal.json("email", email,
                "full_name", "Noura Al-Harbi", "locale", "ar", "role", "finance"));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("status").asString()).isEqualTo("invited");
        String userId = invited.json().get("id").asString();
        String token;
        try (TopicReader userEvents = new TopicReader(brokers, IdentityTopics.USER_EVENTS)) {
            ConsumerRecord<String, byte[]> record = userEvents.awaitRecord(r -> userId.equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(UserInvited.TYPE);
            JsonNode event = Portal.parse(TopicReader.value(record));
            assertThat(event.get("email").asString()).isEqualTo(email);
            assertThat(event.get("full_name").asString()).isEqualTo("Noura Al-Harbi");
            assertThat(event.get("locale").asString()).isEqualTo("ar");
            assertThat(event.get("merchant_id").asString()).isEqualTo(merchant.id().toString());
            assertThat(event.get("reissued").asBoolean()).isFalse();
            assertThat(event.get("invited_by").asString()).isEqualTo(merchant.admin().userId().toString());
            assertThat(Duration.between(Instant.parse(event.get("occurred_at").asString()),
                    Instant.parse(event.get("expires_at").asString()))).isEqualTo(Duration.ofHours(72));
            token = event.get("activation_token").asString();
        }
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.sql("SELECT count(*) FROM user_token WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).as("only the hash is stored").isZero();

        Reply link = portal.get("/auth/v1/activation?token=" + token, null);
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.json().get("email").asString()).isEqualTo(email);
        assertThat(portal.signIn(email, "Whatever-Password-1").status()).as("not active yet").isEqualTo(401);

        String password = IdentityMother.strongPassword();
        Reply activated = portal.post("/auth/v1/activation", null, Portal.json("token", token, "password", password));

        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("active");
        Reply signedIn = portal.signIn(email, password);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(portal.get("/portal/v1/legal-entities", signedIn.json().get("access_token").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredLinkSaysSo() {
        MerchantFixture merchant = mother.merchant();
        UUID userId = mother.invite(merchant, IdentityMother.uniqueEmail("late"), "viewer", List.of());
        String token = mother.activationTokenOf(userId);
        Portal portal = mother.portal();

        clock.advance(Duration.ofHours(72).plusMinutes(1));

        Reply check = portal.get("/auth/v1/activation?token=" + token, null);
        Reply activate = portal.post("/auth/v1/activation", null,
                Portal.json("token", token, "password", IdentityMother.strongPassword()));
        assertThat(check.status()).isEqualTo(410);
        assertThat(check.errorCode()).isEqualTo("activation_link_expired");
        assertThat(activate.status()).isEqualTo(410);
        assertThat(activate.errorCode()).isEqualTo("activation_link_expired");
    }

    @Test
    void aLinkWorksOnce() {
        MerchantFixture merchant = mother.merchant();
        UUID userId = mother.invite(merchant, IdentityMother.uniqueEmail("once"), "viewer", List.of());
        String token = mother.activationTokenOf(userId);
        Portal portal = mother.portal();
        assertThat(portal.post("/auth/v1/activation", null,
                Portal.json("token", token, "password", IdentityMother.strongPassword())).status()).isEqualTo(200);

        Reply again = portal.post("/auth/v1/activation", null,
                Portal.json("token", token, "password", IdentityMother.strongPassword()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("activation_link_used");
        assertThat(portal.get("/auth/v1/activation?token=" + token, null).errorCode()).isEqualTo("activation_link_used");
    }

    @Test
    void aForgedLinkIsInvalid() {
        Portal portal = mother.portal();

        Reply forged = portal.get("/auth/v1/activation?token=made-up-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null);

        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.errorCode()).isEqualTo("activation_link_invalid");
        assertThat(portal.post("/auth/v1/activation", null, Portal.json("token", "forged", "password",
                IdentityMother.strongPassword())).errorCode()).isEqualTo("activation_link_invalid");
    }

    @Test
    void aNewActivationEmailVoidsTheEarlierLink() {
        MerchantFixture merchant = mother.merchant();
        UUID userId = mother.invite(merchant, IdentityMother.uniqueEmail("again"), "viewer", List.of());
        String first = mother.activationTokenOf(userId);
        Portal portal = mother.portal();

        Reply reissue = portal.post("/portal/v1/users/" + userId + "/activation", merchant.admin().accessToken(), null);

        assertThat(reissue.status()).isEqualTo(202);
        String second = mother.activationTokenOf(userId);
        assertThat(second).isNotEqualTo(first);
        assertThat(mother.eventsOf(userId, UserInvited.TYPE)).isEqualTo(2);
        Reply old = portal.get("/auth/v1/activation?token=" + first, null);
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.json().get("errors").get(0).get("data").get("reason").asString()).isEqualTo("replaced");
        assertThat(portal.post("/auth/v1/activation", null,
                Portal.json("token", second, "password", IdentityMother.strongPassword())).status()).isEqualTo(200);
        assertThat(portal.post("/portal/v1/users/" + userId + "/activation", merchant.admin().accessToken(), null)
                .errorCode()).as("an active user needs no activation").isEqualTo("user_not_invited");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "short-pass1, password_too_short",
            "EMAIL, password_contains_email",
            "LOCALPART-and-more, password_contains_email",
            "qwertyuiopasdfgh, password_too_common",
            "QWERTY123456, password_too_common",
            "LONG, password_too_long"})
    void weakPasswordsAreRefusedAndTheLinkStillWorks(String password, String errorCode) {
        MerchantFixture merchant = mother.merchant();
        String localPart = "khalid" + UUID.randomUUID().toString().substring(0, 6);
        String email = localPart + "@example.test";
        UUID userId = mother.invite(merchant, email, "viewer", List.of());
        String token = mother.activationTokenOf(userId);
        String chosen = switch (password) {
            case "EMAIL" -> "My-" + email.toUpperCase() + "-x";
            case "LOCALPART-and-more" -> localPart + "-and-more-words";
            case "LONG" -> "x".repeat(129);
            default -> password;
        };

        Reply refused = mother.portal().post("/auth/v1/activation", null, Portal.json("token", token, "password", chosen));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo(errorCode);
        assertThat(mother.portal().get("/auth/v1/activation?token=" + token, null).status())
                .as("a refused password does not use the link up").isEqualTo(200);
    }

    @Test
    void anEmailBelongsToOneUserAcrossThePlatform() {
        MerchantFixture merchant = mother.merchant();
        MerchantFixture other = mother.merchant();
        String email = IdentityMother.uniqueEmail("twice");
        mother.invite(merchant, email, "viewer", List.of());

        Reply again = mother.portal().post("/portal/v1/users", merchant.admin().accessToken(), Portal.json(
                "email", email.toUpperCase(), "full_name", "Again", "locale", "en", "role", "viewer"));
        Reply elsewhere = mother.portal().post("/portal/v1/users", other.admin().accessToken(), Portal.json(
                "email", email, "full_name", "Again", "locale", "en", "role", "viewer"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("email_already_registered");
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.errorCode()).isEqualTo("email_already_registered");
    }
}
