package com.partnersportal.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.ApiTokenRevoked;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.testsupport.PublishedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every change that takes rights away publishes a revocation with the change, and the access tokens issued before
 * it stop working here as soon as the event comes back from the broker (identity reads its own topic like every
 * other service).
 */
@IdentityIntegrationTest
class AccessRevocationIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    @Autowired
    IdentityMother mother;

    @Test
    void aDisabledUsersAccessTokenStopsWorkingWithinSeconds() {
        MerchantFixture merchant = mother.merchant();
        Member viewer = mother.member(merchant, "viewer");
        Portal portal = mother.portal();
        assertThat(portal.get("/portal/v1/me/second-factor", viewer.accessToken()).status()).isEqualTo(200);

        assertThat(portal.post("/portal/v1/users/" + viewer.userId() + "/disable", merchant.admin().accessToken(), null)
                .status()).isEqualTo(200);

        JsonNode event = mother.latestEvent(viewer.userId(), UserAccessRevoked.TYPE);
        assertThat(event.get("reason").asString()).isEqualTo("disabled");
        assertThat(event.get("merchant_id").asString()).isEqualTo(merchant.id().toString());
        assertThat(Instant.parse(event.get("not_before").asString()))
                .isAfter(Instant.parse(event.get("occurred_at").asString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(portal.get("/portal/v1/me/second-factor", viewer.accessToken()).status()).isEqualTo(401));
        assertThat(portal.get("/portal/v1/me/second-factor", merchant.admin().accessToken()).status()).isEqualTo(200);
    }

    @Test
    void removalSignOutEverywhereAndAChangeOfRightsRevokeToo() {
        MerchantFixture merchant = mother.merchant();
        Member removed = mother.member(merchant, "viewer");
        Member leaving = mother.member(merchant, "viewer");
        Member promoted = mother.member(merchant, "viewer");
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();

        assertThat(portal.delete("/portal/v1/users/" + removed.userId(), admin).status()).isEqualTo(204);
        assertThat(portal.post("/auth/v1/sign-out-everywhere", leaving.accessToken(), null).status()).isEqualTo(204);
        assertThat(portal.patch("/portal/v1/users/" + promoted.userId(), admin,
                Portal.json("role", "operations", "legal_entity_ids", List.of(merchant.ksaEntity()))).status())
                .isEqualTo(200);

        assertThat(mother.latestEvent(removed.userId(), UserAccessRevoked.TYPE).get("reason").asString())
                .isEqualTo("removed");
        assertThat(mother.latestEvent(leaving.userId(), UserAccessRevoked.TYPE).get("reason").asString())
                .isEqualTo("signed_out_everywhere");
        assertThat(mother.latestEvent(promoted.userId(), UserAccessRevoked.TYPE).get("reason").asString())
                .isEqualTo("rights_changed");
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", leaving.refreshToken())).status())
                .as("signing out everywhere ends the refresh tokens too").isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(portal.get("/portal/v1/me/second-factor", leaving.accessToken()).status()).isEqualTo(401));
    }

    @Test
    void revokingAnApiTokenPublishesItsId() {
        MerchantFixture merchant = mother.merchant();
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();
        String tokenId = portal.post("/portal/v1/api-tokens", admin, Portal.json("name", "ERP")).json().get("id")
                .asString();

        assertThat(portal.delete("/portal/v1/api-tokens/" + tokenId, admin).status()).isBetween(200, 204);

        JsonNode event = mother.latestEvent(UUID.fromString(tokenId), ApiTokenRevoked.TYPE);
        assertThat(event.get("token_id").asString()).isEqualTo(tokenId);
        assertThat(event.get("merchant_id").asString()).isEqualTo(merchant.id().toString());
    }
}
