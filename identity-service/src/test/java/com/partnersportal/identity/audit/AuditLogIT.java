package com.partnersportal.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.time.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class AuditLogIT {

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;

    @Test
    void aRoleChangeIsLoggedWithWhoWhenWhereAndBeforeAndAfter() {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, "viewer");
        Portal portal = mother.portal();

        portal.patch("/portal/v1/users/" + member.userId(), merchant.admin().accessToken(),
                Portal.json("role", "finance"));

        Reply log = portal.get("/portal/v1/audit-log?action=user.role_changed", merchant.admin().accessToken());
        assertThat(log.status()).isEqualTo(200);
        JsonNode entry = log.json().get("entries").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("user.role_changed");
        assertThat(entry.get("actor").get("id").asString()).isEqualTo(merchant.admin().userId().toString());
        assertThat(entry.get("actor").get("type").asString()).isEqualTo("user");
        assertThat(entry.get("actor").get("email").asString()).isEqualTo(merchant.admin().email());
        assertThat(entry.get("target").get("id").asString()).isEqualTo(member.userId().toString());
        assertThat(entry.get("client_address").asString()).isEqualTo(portal.clientAddress());
        assertThat(entry.get("before").get("id").asString()).isEqualTo("viewer");
        assertThat(entry.get("after").get("id").asString()).isEqualTo("finance");
        assertThat(Instant.parse(entry.get("occurred_at").asString())).isCloseTo(clock.instant(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void everyAdministrativeActionLeavesAnEntry() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();
        Member member = mother.member(merchant, "viewer");
        portal.post("/portal/v1/users/" + member.userId() + "/disable", admin, null);
        portal.post("/portal/v1/users/" + member.userId() + "/enable", admin, null);
        portal.patch("/portal/v1/users/" + member.userId(), admin, Portal.json("legal_entity_ids",
                List.of(merchant.ksaEntity())));
        var invited = mother.invite(merchant, IdentityMother.uniqueEmail("later"), "viewer", List.of());
        portal.post("/portal/v1/users/" + invited + "/activation", admin, null);
        portal.delete("/portal/v1/users/" + member.userId(), admin);
        String role = portal.post("/portal/v1/roles", admin, Portal.json("name", "Exporters",
                "permissions", List.of("orders.export"))).json().get("id").asString();
        portal.put("/portal/v1/roles/" + role, admin, Portal.json("name", "Exporters", "permissions",
                List.of("orders.export", "orders.view")));
        portal.delete("/portal/v1/roles/" + role, admin);
        JsonNode token = portal.post("/portal/v1/api-tokens", admin, Portal.json("name", "T")).json();
        portal.delete("/portal/v1/api-tokens/" + token.get("id").asString(), admin);

        List<String> actions = all(portal, admin, "").stream().map(e -> e.get("action").asString()).toList();

        assertThat(actions).containsExactly("api_token.revoked", "api_token.created", "role.deleted", "role.updated",
                "role.created", "user.removed", "user.activation_reissued", "user.invited", "user.entities_changed",
                "user.enabled", "user.disabled", "user.invited", "user.invited", "legal_entity.registered",
                "legal_entity.registered", "merchant.registered");
        JsonNode removed = all(portal, admin, "&action=user.removed").getFirst();
        assertThat(removed.get("before").get("email").asString()).isEqualTo(member.email());
        assertThat(removed.get("after").isNull()).isTrue();
        assertThat(all(portal, admin, "").toString()).as("no secret ever reaches the log")
                .doesNotContain(member.password()).doesNotContain(token.get("token").asString());
    }

    @Test
    void theLogIsFilteredByActorAndTimeAndPagedNewestFirst() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();
        clock.advance(Duration.ofDays(1));
        Instant tomorrow = clock.instant().minusSeconds(5);
        Member secondAdmin = mother.member(merchant, "admin");
        portal.post("/portal/v1/roles", secondAdmin.accessToken(), Portal.json("name", "Night shift",
                "permissions", List.of("orders.view")));

        List<JsonNode> bySecond = all(portal, admin, "&actor=" + secondAdmin.userId());
        List<JsonNode> sinceTomorrow = all(portal, admin, "&from=" + tomorrow);
        List<JsonNode> beforeTomorrow = all(portal, admin, "&to=" + tomorrow);

        assertThat(bySecond).extracting(e -> e.get("action").asString()).containsExactly("role.created");
        assertThat(sinceTomorrow).extracting(e -> e.get("action").asString()).containsExactly("role.created",
                "user.invited");
        assertThat(beforeTomorrow).extracting(e -> e.get("action").asString()).containsExactly(
                "user.invited", "legal_entity.registered", "legal_entity.registered", "merchant.registered");
        Reply firstPage = portal.get("/portal/v1/audit-log?limit=2", admin);
        assertThat(firstPage.json().get("entries")).hasSize(2);
        assertThat(firstPage.json().get("next_cursor").isNull()).isFalse();
        assertThat(portal.get("/portal/v1/audit-log?from=yesterday", admin).status()).isEqualTo(400);
        assertThat(portal.get("/portal/v1/audit-log?cursor=abc", admin).errorCode()).isEqualTo("invalid_cursor");
    }

    @Test
    void aMerchantSeesOnlyItsOwnLogAndOnlyWithAuditView() {
        MerchantFixture mine = mother.merchant();
        MerchantFixture theirs = mother.merchant();
        Member viewer = mother.member(mine, "viewer");
        Member finance = mother.member(mine, "finance");
        Portal portal = mother.portal();

        List<JsonNode> entries = all(portal, finance.accessToken(), "");

        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.get("target").get("id").asString())
                .isNotEqualTo(theirs.admin().userId().toString()).isNotEqualTo(theirs.id().toString()));
        assertThat(portal.get("/portal/v1/audit-log", viewer.accessToken()).status()).isEqualTo(403);
        assertThat(portal.get("/operator/v1/audit-log?merchant_id=" + theirs.id(), mother.operator().accessToken())
                .json().get("entries")).isNotEmpty();
        assertThat(portal.get("/operator/v1/audit-log", finance.accessToken()).status()).isEqualTo(403);
    }

    private static List<JsonNode> all(Portal portal, String token, String filters) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = portal.get("/portal/v1/audit-log?limit=3" + filters + (cursor == null ? "" : "&cursor=" + cursor),
                    token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("entries").valueStream().forEach(entries::add);
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asString();
        } while (cursor != null);
        return entries;
    }
}
