package com.partnersportal.identity.role;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class RolesIT {

    @Autowired
    IdentityMother mother;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "admin|orders.view orders.capture orders.refund orders.cancel orders.export settlements.view invoices.view invoices.export users.manage webhooks.manage api_tokens.manage audit.view",
            "finance|orders.view orders.export settlements.view invoices.view invoices.export audit.view",
            "operations|orders.view orders.capture orders.refund orders.cancel orders.export",
            "developer|orders.view webhooks.manage api_tokens.manage",
            "viewer|orders.view settlements.view invoices.view"})
    void eachBuiltInRoleGrantsExactlyItsPermissions(String role, String permissions) throws Exception {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, role);

        List<String> granted = SignedJWT.parse(member.accessToken()).getJWTClaimsSet().getStringListClaim("permissions");

        assertThat(granted).containsExactlyInAnyOrder(permissions.split(" "));
        JsonNode listed = mother.portal().get("/portal/v1/roles", member.accessToken()).json().get("roles")
                .valueStream().filter(r -> r.get("id").asString().equals(role)).findFirst().orElseThrow();
        assertThat(listed.get("built_in").asBoolean()).isTrue();
        assertThat(listed.get("permissions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(permissions.split(" "));
    }

    @Test
    void theRolesAndPermissionsAreReadableButTheOperatorsAreNotAmongThem() {
        MerchantFixture merchant = mother.merchant();
        Portal portal = mother.portal();

        JsonNode roles = portal.get("/portal/v1/roles", merchant.admin().accessToken()).json().get("roles");
        JsonNode permissions = portal.get("/portal/v1/permissions", merchant.admin().accessToken()).json().get("permissions");

        assertThat(roles.valueStream().map(r -> r.get("id").asString()))
                .containsExactly("admin", "finance", "operations", "developer", "viewer");
        assertThat(permissions.valueStream().map(p -> p.get("code").asString())).hasSize(12).doesNotContain("operator");
    }

    @Test
    void aMerchantDefinesItsOwnRoleAndItsHoldersGetExactlyThosePermissions() throws Exception {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();

        Reply created = portal.post("/portal/v1/roles", admin, Portal.json("name", "Refund desk",
                "description", "Handles refunds", "permissions", List.of("orders.view", "orders.refund")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String roleId = created.json().get("id").asString();
        assertThat(created.json().get("built_in").asBoolean()).isFalse();
        Member holder = mother.member(merchant, roleId);
        var claims = SignedJWT.parse(holder.accessToken()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("permissions")).containsExactlyInAnyOrder("orders.view", "orders.refund");
        assertThat(claims.getStringClaim("role")).isEqualTo(roleId);

        Reply updated = portal.put("/portal/v1/roles/" + roleId, admin, Portal.json("name", "Refund desk",
                "permissions", List.of("orders.view", "orders.refund", "orders.export")));
        assertThat(updated.status()).isEqualTo(200);
        String next = portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", holder.refreshToken()))
                .json().get("access_token").asString();
        assertThat(SignedJWT.parse(next).getJWTClaimsSet().getStringListClaim("permissions")).contains("orders.export");

        Reply inUse = portal.delete("/portal/v1/roles/" + roleId, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorCode()).isEqualTo("role_in_use");
        portal.patch("/portal/v1/users/" + holder.userId(), admin, Portal.json("role", "viewer"));
        assertThat(portal.delete("/portal/v1/roles/" + roleId, admin).status()).isEqualTo(204);
        assertThat(portal.get("/portal/v1/roles", admin).json().get("roles")).hasSize(5);
    }

    @Test
    void customRoleNamesAreUniqueAndNeverABuiltInOne() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();
        portal.post("/portal/v1/roles", admin, Portal.json("name", "Auditors", "permissions", List.of("audit.view")));

        assertThat(portal.post("/portal/v1/roles", admin, Portal.json("name", "auditors",
                "permissions", List.of("audit.view"))).errorCode()).isEqualTo("role_name_taken");
        assertThat(portal.post("/portal/v1/roles", admin, Portal.json("name", " ADMIN ",
                "permissions", List.of("audit.view"))).errorCode()).isEqualTo("role_name_taken");
        assertThat(portal.post("/portal/v1/roles", admin, Portal.json("name", "Operator",
                "permissions", List.of("audit.view"))).errorCode()).isEqualTo("role_name_taken");
        assertThat(portal.post("/portal/v1/roles", mother.merchant().admin().accessToken(), Portal.json("name",
                "Auditors", "permissions", List.of("audit.view"))).status()).as("another merchant may").isEqualTo(201);
    }

    @Test
    void theOperatorPermissionCanNeverBeGrantedToAMerchantsRole() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();

        Reply refused = portal.post("/portal/v1/roles", admin, Portal.json("name", "Sneaky",
                "permissions", List.of("orders.view", "operator")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("permission_not_grantable");
        assertThat(portal.post("/portal/v1/roles", admin, Portal.json("name", "Typo",
                "permissions", List.of("orders.veiw"))).errorCode()).isEqualTo("permission_unknown");
        assertThat(portal.post("/portal/v1/roles", admin, Portal.json("name", "Empty",
                "permissions", List.of())).status()).isEqualTo(400);
        assertThat(portal.put("/portal/v1/roles/admin", admin, Portal.json("name", "Admin",
                "permissions", List.of("orders.view"))).errorCode()).isEqualTo("role_built_in");
        assertThat(portal.delete("/portal/v1/roles/viewer", admin).errorCode()).isEqualTo("role_built_in");
        assertThat(portal.get("/portal/v1/roles", admin).json().get("roles")).hasSize(5);
    }

    @Test
    void badRoleInputIsAProblemAndChangesNothing() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();

        List<Reply> replies = List.of(
                portal.post("/portal/v1/roles", admin, "{\"name\": "),
                portal.post("/portal/v1/roles", admin, "{\"name\": \"R\", \"permissions\": \"orders.view\"}"),
                portal.post("/portal/v1/roles", admin, Portal.json("name", "x".repeat(65), "permissions", List.of("orders.view"))),
                portal.post("/portal/v1/roles", admin, Portal.json("name", "Tab\there", "permissions", List.of("orders.view"))),
                portal.post("/portal/v1/roles", admin, Portal.json("name", "   ", "permissions", List.of("orders.view"))),
                portal.post("/portal/v1/roles", admin, Portal.json("name", "Ok", "permissions", List.of("x".repeat(65)))));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        });
        assertThat(portal.get("/portal/v1/roles", admin).json().get("roles")).hasSize(5);
    }

    @Test
    void onlyTeamManagersDefineRolesAndOnlyForTheirOwnMerchant() {
        MerchantFixture mine = mother.merchant();
        MerchantFixture theirs = mother.merchant();
        Member developer = mother.member(mine, "developer");
        Portal portal = mother.portal();
        String theirRole = portal.post("/portal/v1/roles", theirs.admin().accessToken(), Portal.json("name", "Theirs",
                "permissions", List.of("orders.view"))).json().get("id").asString();
        String me = mine.admin().accessToken();

        assertThat(portal.post("/portal/v1/roles", developer.accessToken(), Portal.json("name", "Mine",
                "permissions", List.of("orders.view"))).status()).isEqualTo(403);
        assertThat(portal.put("/portal/v1/roles/" + theirRole, me, Portal.json("name", "Hijacked",
                "permissions", List.of("orders.view"))).errorCode()).isEqualTo("role_not_found");
        assertThat(portal.delete("/portal/v1/roles/" + theirRole, me).errorCode()).isEqualTo("role_not_found");
        assertThat(portal.delete("/portal/v1/roles/" + UUID.randomUUID(), me).status()).isEqualTo(404);
        assertThat(portal.post("/portal/v1/users", me, Portal.json("email", IdentityMother.uniqueEmail("x"),
                "full_name", "X", "locale", "en", "role", theirRole)).errorCode())
                .as("another merchant's role cannot be given").isEqualTo("role_unknown");
        assertThat(portal.get("/portal/v1/roles", me).json().get("roles").valueStream()
                .map(r -> r.get("id").asString())).doesNotContain(theirRole);
        assertThat(portal.get("/portal/v1/roles", theirs.admin().accessToken()).json().get("roles").valueStream()
                .filter(r -> r.get("id").asString().equals(theirRole)).findFirst().orElseThrow()
                .get("name").asString()).isEqualTo("Theirs");
    }
}
