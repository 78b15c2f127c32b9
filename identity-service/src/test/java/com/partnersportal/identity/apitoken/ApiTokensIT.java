package com.partnersportal.identity.apitoken;

import com.partnersportal.identity.testing.ServiceClientsForTests;
import com.partnersportal.kit.servicecall.ServiceCredentials;
import java.net.URI;
import java.time.Clock;
import org.springframework.web.client.RestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.caller.ApiTokenIntrospection;
import com.partnersportal.testsupport.PublishedEvents;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class ApiTokensIT {

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
    JdbcClient jdbc;
    @Autowired
    RestClient.Builder http;

    /** How another service asks about a merchant API token (uncached here), with its service credentials. */
    private ApiTokenIntrospection introspection() {
        String identity = "http://localhost:" + mother.port();
        ServiceCredentials credentials = new ServiceCredentials(RestClient.create(), URI.create(identity + "/oauth2/token"),
                ServiceClientsForTests.GATEWAY, ServiceClientsForTests.GATEWAY_SECRET, Clock.systemUTC());
        return new ApiTokenIntrospection(http.clone().baseUrl(identity).requestInterceptor(credentials).build(),
                Duration.ZERO);
    }

    @Test
    void aDeveloperCreatesATokenSeesItsSecretOnceAndTheMerchantApiKnowsWhoseItIs() {
        MerchantFixture merchant = mother.merchant();
        Member developer = mother.member(merchant, "developer");
        Portal portal = mother.portal();

        Reply created = portal.post("/portal/v1/api-tokens", developer.accessToken(), Portal.json("name", "ERP sync"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getCacheControl()).contains("no-store");
        String secret = created.json().get("token").asString();
        String id = created.json().get("id").asString();
        assertThat(secret).startsWith("ppk_sandbox_").startsWith(created.json().get("prefix").asString());
        var answer = introspection().lookUp(secret).orElseThrow();
        assertThat(answer.merchantId()).isEqualTo(merchant.id());
        assertThat(answer.tokenId().toString()).isEqualTo(id);

        JsonNode listed = portal.get("/portal/v1/api-tokens", developer.accessToken()).json().get("api_tokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo("ERP sync");
        assertThat(listed.get(0).get("revoked").asBoolean()).isFalse();
        assertThat(listed.get(0).get("last_used_at").isNull()).as("the introspection counts as a use").isFalse();
        assertThat(listed.toString()).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :s OR token_prefix = :s")
                .param("s", secret).query(Long.class).single()).as("the secret is stored only hashed").isZero();
    }

    @Test
    void aRevokedTokenIsNoLongerActive() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();
        Reply created = portal.post("/portal/v1/api-tokens", admin, Portal.json("name", "Checkout"));
        String secret = created.json().get("token").asString();

        assertThat(portal.delete("/portal/v1/api-tokens/" + created.json().get("id").asString(), admin).status())
                .isEqualTo(204);

        assertThat(introspection().lookUp(secret)).isEmpty();
        assertThat(portal.get("/portal/v1/api-tokens", admin).json().get("api_tokens").get(0).get("revoked").asBoolean())
                .isTrue();
        assertThat(portal.post("/portal/v1/api-tokens", admin, Portal.json("name", "Checkout")).status())
                .as("the name is free again").isEqualTo(201);
        assertThat(portal.post("/portal/v1/api-tokens", admin, Portal.json("name", "Checkout")).errorCode())
                .isEqualTo("api_token_name_taken");
    }

    @Test
    void theListIsNewestFirstAPageAtATime() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();
        for (String name : java.util.List.of("First", "Second", "Third")) {
            portal.post("/portal/v1/api-tokens", admin, Portal.json("name", name));
        }

        Reply first = portal.get("/portal/v1/api-tokens?limit=2", admin);
        Reply second = portal.get("/portal/v1/api-tokens?limit=2&cursor=" + first.json().get("next_cursor").asString(),
                admin);

        assertThat(first.json().get("api_tokens").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("Third", "Second");
        assertThat(second.json().get("api_tokens").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("First");
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(portal.get("/portal/v1/api-tokens?cursor=nope", admin).errorCode()).isEqualTo("invalid_cursor");
    }

    @Test
    void tokensAreTheMerchantsOwnAndNeedTheirPermission() {
        MerchantFixture mine = mother.merchant();
        MerchantFixture theirs = mother.merchant();
        Member viewer = mother.member(mine, "viewer");
        Portal portal = mother.portal();
        Reply theirToken = portal.post("/portal/v1/api-tokens", theirs.admin().accessToken(), Portal.json("name", "Theirs"));

        Reply revokeTheirs = portal.delete("/portal/v1/api-tokens/" + theirToken.json().get("id").asString(),
                mine.admin().accessToken());

        assertThat(revokeTheirs.status()).isEqualTo(404);
        assertThat(revokeTheirs.errorCode()).isEqualTo("api_token_not_found");
        assertThat(portal.delete("/portal/v1/api-tokens/" + UUID.randomUUID(), mine.admin().accessToken()).status())
                .isEqualTo(404);
        assertThat(introspection().lookUp(theirToken.json().get("token").asString())).isPresent();
        assertThat(portal.get("/portal/v1/api-tokens", mine.admin().accessToken()).json().get("api_tokens")).isEmpty();
        assertThat(portal.post("/portal/v1/api-tokens", viewer.accessToken(), Portal.json("name", "X")).status())
                .isEqualTo(403);
        assertThat(portal.get("/portal/v1/api-tokens", viewer.accessToken()).status()).isEqualTo(403);
        assertThat(portal.post("/portal/v1/api-tokens", mine.admin().accessToken(), Portal.json("name", "")).status())
                .isEqualTo(400);
        assertThat(portal.post("/portal/v1/api-tokens", mine.admin().accessToken(),
                Portal.json("name", "x".repeat(101))).status()).isEqualTo(400);
    }

    @Test
    void anApiTokenCannotManageTheMerchantsTeamOrTokens() {
        MerchantFixture merchant = mother.merchant();
        String secret = mother.portal().post("/portal/v1/api-tokens", merchant.admin().accessToken(),
                Portal.json("name", "Integration")).json().get("token").asString();

        assertThat(mother.portal().get("/portal/v1/users", secret).status()).isEqualTo(403);
        assertThat(mother.portal().post("/portal/v1/api-tokens", secret, Portal.json("name", "More")).status())
                .isEqualTo(403);
    }
}
