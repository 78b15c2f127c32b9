package com.partnersportal.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A viewer sending a malformed or invalid body to a route they may not use hears 403, not which fields are wrong;
 * nobody is invited, no role or token is created.
 */
@IdentityIntegrationTest
class PermissionBeforeBodyIT {

    @Autowired
    IdentityMother mother;

    @Test
    void aViewerIsForbiddenWhateverTheyPost() {
        MerchantFixture merchant = mother.merchant();
        Member viewer = mother.member(merchant, "viewer");
        Portal portal = mother.portal();

        for (String body : List.of("{", "{\"email\": \"not an email\", \"role\": 7}", "[]", "{}")) {
            for (String path : List.of("/portal/v1/users", "/portal/v1/roles", "/portal/v1/api-tokens")) {
                Portal.Reply reply = portal.post(path, viewer.accessToken(), body);
                assertThat(reply.status()).as("%s %s: %s", path, body, reply.body()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("forbidden");
            }
            Portal.Reply operatorRoute = portal.post("/operator/v1/merchants", viewer.accessToken(), body);
            assertThat(operatorRoute.status()).as(operatorRoute.body()).isEqualTo(403);
        }
        assertThat(portal.get("/portal/v1/users", merchant.admin().accessToken()).json().get("users")).hasSize(2);
    }

    @Test
    void aMerchantSystemIsToldItsTokenIsNoAccountWhateverItPostsToTheAccountRoutes() {
        MerchantFixture merchant = mother.merchant();
        Portal portal = mother.portal();
        String apiToken = portal.post("/portal/v1/api-tokens", merchant.admin().accessToken(), Portal.json("name", "ERP"))
                .json().get("token").asString();

        for (String body : List.of("{", "{\"proof\": 7}", "[]")) {
            for (String path : List.of("/portal/v1/me/second-factor/enrolment",
                    "/portal/v1/me/second-factor/enrolment/confirmation", "/portal/v1/me/second-factor/disable",
                    "/portal/v1/me/second-factor/recovery-codes")) {
                Portal.Reply reply = portal.post(path, apiToken, body);
                assertThat(reply.status()).as("%s %s: %s", path, body, reply.body()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("user_token_required");
            }
        }
    }
}
