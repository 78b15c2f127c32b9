package com.partnersportal.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.testsupport.PublishedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class TeamAdministrationIT {

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

    @Test
    void theTeamIsListedByEmailAPageAtATimeAndFilteredByStatusRoleAndSearch() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        mother.member(merchant, "finance");
        mother.invite(merchant, "zz-dana-" + UUID.randomUUID().toString().substring(0, 4) + "@example.test", "viewer", List.of());
        mother.invite(merchant, IdentityMother.uniqueEmail("omar"), "operations", List.of());
        mother.merchant();
        Portal portal = mother.portal();

        List<String> emails = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = portal.get("/portal/v1/users?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("users").valueStream().forEach(user -> emails.add(user.get("email").asString()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(emails).hasSize(4).isSorted();
        assertThat(pages).isEqualTo(2);
        assertThat(portal.get("/portal/v1/users?status=invited", admin).json().get("users")).hasSize(2);
        assertThat(portal.get("/portal/v1/users?status=active&role=admin", admin).json().get("users").get(0)
                .get("email").asString()).isEqualTo(merchant.admin().email());
        assertThat(portal.get("/portal/v1/users?role=operations", admin).json().get("users")).hasSize(1);
        assertThat(portal.get("/portal/v1/users?search=ZZ-DANA", admin).json().get("users")).hasSize(1);
        assertThat(portal.get("/portal/v1/users?search=%", admin).json().get("users"))
                .as("a % in the search is a character, not a wildcard").isEmpty();
        assertThat(portal.get("/portal/v1/users?status=sleeping", admin).errorCode()).isEqualTo("invalid_status");
        assertThat(portal.get("/portal/v1/users?limit=0", admin).errorCode()).isEqualTo("invalid_limit");
        assertThat(portal.get("/portal/v1/users?cursor=%%%", admin).status()).isEqualTo(400);
    }

    @Test
    void aRoleChangeShowsInTheNextAccessToken() throws Exception {
        MerchantFixture merchant = mother.merchant();
        Member viewer = mother.member(merchant, "viewer");
        Portal portal = mother.portal();

        Reply changed = portal.patch("/portal/v1/users/" + viewer.userId(), merchant.admin().accessToken(),
                Portal.json("role", "operations", "legal_entity_ids", List.of(merchant.uaeEntity())));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("role").get("id").asString()).isEqualTo("operations");
        String next = portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", viewer.refreshToken()))
                .json().get("access_token").asString();
        var claims = SignedJWT.parse(next).getJWTClaimsSet();
        assertThat(claims.getStringClaim("role")).isEqualTo("operations");
        assertThat(claims.getStringListClaim("permissions")).containsExactlyInAnyOrder("orders.view",
                "orders.capture", "orders.refund", "orders.cancel", "orders.export");
        assertThat(claims.getStringListClaim("entities")).containsExactly(merchant.uaeEntity().toString());
        assertThat(portal.patch("/portal/v1/users/" + viewer.userId(), merchant.admin().accessToken(),
                Portal.json("legal_entity_ids", List.of(UUID.randomUUID()))).errorCode()).isEqualTo("legal_entity_unknown");
        assertThat(portal.patch("/portal/v1/users/" + viewer.userId(), merchant.admin().accessToken(),
                Portal.json("role", "operator")).errorCode()).isEqualTo("role_unknown");
    }

    @Test
    void theLastActiveAdminCannotBeDisabledRemovedOrDemoted() {
        MerchantFixture merchant = mother.merchant();
        Member admin = merchant.admin();
        Portal portal = mother.portal();
        String self = "/portal/v1/users/" + admin.userId();

        assertThat(portal.post(self + "/disable", admin.accessToken(), null).errorCode()).isEqualTo("last_admin");
        assertThat(portal.delete(self, admin.accessToken()).errorCode()).isEqualTo("last_admin");
        Reply demote = portal.patch(self, admin.accessToken(), Portal.json("role", "viewer"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.errorCode()).isEqualTo("last_admin");
        UUID invitedAdmin = mother.invite(merchant, IdentityMother.uniqueEmail("pending"), "admin", List.of());
        assertThat(portal.post(self + "/disable", admin.accessToken(), null).errorCode())
                .as("an admin who has not activated yet does not count").isEqualTo("last_admin");

        Member second = mother.activate(invitedAdmin);
        assertThat(portal.patch(self, second.accessToken(), Portal.json("role", "viewer")).status()).isEqualTo(200);
        assertThat(portal.post("/portal/v1/users/" + second.userId() + "/disable", second.accessToken(), null)
                .errorCode()).isEqualTo("last_admin");
        assertThat(jdbc.sql("SELECT status FROM app_user WHERE id = :id").param("id", second.userId())
                .query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        MerchantFixture merchant = mother.merchant();
        Member first = merchant.admin();
        Member second = mother.member(merchant, "admin");
        Portal portal = mother.portal();

        CompletableFuture<Reply> firstDemotesSecond = CompletableFuture.supplyAsync(() -> portal.patch(
                "/portal/v1/users/" + second.userId(), first.accessToken(), Portal.json("role", "viewer")));
        CompletableFuture<Reply> secondDemotesFirst = CompletableFuture.supplyAsync(() -> portal.patch(
                "/portal/v1/users/" + first.userId(), second.accessToken(), Portal.json("role", "viewer")));

        List<Integer> statuses = List.of(firstDemotesSecond.get(30, TimeUnit.SECONDS).status(),
                secondDemotesFirst.get(30, TimeUnit.SECONDS).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE merchant_id = :m AND role = 'admin'")
                .param("m", merchant.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDisabledUserCannotSignInNorRefreshUntilEnabledAgain() {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, "developer");
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();

        Reply disabled = portal.post("/portal/v1/users/" + member.userId() + "/disable", admin, null);

        assertThat(disabled.json().get("status").asString()).isEqualTo("disabled");
        assertThat(portal.signIn(member.email(), member.password()).errorCode()).isEqualTo("account_disabled");
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", member.refreshToken())).status())
                .isEqualTo(401);

        assertThat(portal.post("/portal/v1/users/" + member.userId() + "/enable", admin, null).json()
                .get("status").asString()).isEqualTo("active");
        assertThat(portal.signIn(member.email(), member.password()).status()).isEqualTo(200);
    }

    @Test
    void aRemovedUserIsGoneAndTheirEmailFreeAgain() {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, "viewer");
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();

        assertThat(portal.delete("/portal/v1/users/" + member.userId(), admin).status()).isEqualTo(204);

        assertThat(portal.get("/portal/v1/users/" + member.userId(), admin).status()).isEqualTo(404);
        assertThat(portal.signIn(member.email(), member.password()).status()).isEqualTo(401);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", member.refreshToken())).status())
                .isEqualTo(401);
        assertThat(portal.post("/portal/v1/users", admin, Portal.json("email", member.email(), "full_name", "Back",
                "locale", "en", "role", "viewer")).status()).isEqualTo(201);
    }

    @Test
    void onlyUsersWhoManageTheTeamMayDoSo() {
        MerchantFixture merchant = mother.merchant();
        Member finance = mother.member(merchant, "finance");
        Portal portal = mother.portal();

        Reply refused = portal.post("/portal/v1/users", finance.accessToken(), Portal.json("email",
                IdentityMother.uniqueEmail("x"), "full_name", "X", "locale", "en", "role", "admin"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).get("data").get("permission").asString()).isEqualTo("users.manage");
        assertThat(portal.get("/portal/v1/users", finance.accessToken()).status()).isEqualTo(403);
        assertThat(portal.post("/portal/v1/users/" + finance.userId() + "/disable", finance.accessToken(), null).status())
                .isEqualTo(403);
        assertThat(portal.get("/portal/v1/users", mother.operator().accessToken()).status())
                .as("an operator is no merchant's admin").isEqualTo(403);
    }

    @Test
    void anotherMerchantsUserIsAsMissingAsOneThatNeverWas() {
        MerchantFixture mine = mother.merchant();
        MerchantFixture theirs = mother.merchant();
        Member theirUser = mother.member(theirs, "viewer");
        String me = mine.admin().accessToken();
        Portal portal = mother.portal();
        String theirPath = "/portal/v1/users/" + theirUser.userId();
        String nobodyPath = "/portal/v1/users/" + UUID.randomUUID();

        for (String path : List.of(theirPath, nobodyPath)) {
            assertNotFound(portal.get(path, me));
            assertNotFound(portal.patch(path, me, Portal.json("role", "admin")));
            assertNotFound(portal.post(path + "/disable", me, null));
            assertNotFound(portal.post(path + "/enable", me, null));
            assertNotFound(portal.post(path + "/activation", me, null));
            assertNotFound(portal.delete(path, me));
        }
        JsonNode untouched = portal.get(theirPath, theirs.admin().accessToken()).json();
        assertThat(untouched.get("role").get("id").asString()).isEqualTo("viewer");
        assertThat(untouched.get("status").asString()).isEqualTo("active");
        assertThat(portal.get("/portal/v1/users?search=" + theirUser.email(), me).json().get("users")).isEmpty();
        assertThat(portal.post("/portal/v1/users", me, Portal.json("email", IdentityMother.uniqueEmail("x"),
                "full_name", "X", "locale", "en", "role", "viewer", "legal_entity_ids", List.of(theirs.ksaEntity())))
                .errorCode()).as("another merchant's legal entity is unknown").isEqualTo("legal_entity_unknown");
    }

    @Test
    void badUserInputIsAProblemAndChangesNothing() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();

        List<Reply> replies = List.of(
                portal.post("/portal/v1/users", admin, "{\"email\": "),
                portal.post("/portal/v1/users", admin, "{\"email\": \"a@b.test\", \"full_name\": \"A\", \"locale\": \"en\", \"role\": \"viewer\", \"legal_entity_ids\": \"all\"}"),
                portal.post("/portal/v1/users", admin, Portal.json("email", "not-an-email", "full_name", "A", "locale", "en", "role", "viewer")),
                portal.post("/portal/v1/users", admin, Portal.json("email", "a@b.test", "full_name", "A", "locale", "fr", "role", "viewer")),
                portal.post("/portal/v1/users", admin, Portal.json("email", "a@b.test", "full_name", "A\nB", "locale", "en", "role", "viewer")),
                portal.post("/portal/v1/users", admin, Portal.json("email", "a@b.test", "full_name", "x".repeat(300), "locale", "en", "role", "viewer")),
                portal.post("/portal/v1/users", admin, Portal.json("email", "a@b.test", "full_name", "A", "locale", "en", "role", "emperor")),
                portal.patch("/portal/v1/users/not-a-uuid", admin, Portal.json("role", "viewer")));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE merchant_id = :m").param("m", merchant.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("user_not_found");
    }
}
