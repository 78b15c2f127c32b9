package com.partnersportal.settlement.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** A merchant's user on the operators' routes hears 403 before anything about the body they sent. */
@SettlementIntegrationTest
class PermissionBeforeBodyIT {

    @LocalServerPort
    int port;

    @Test
    void aMerchantUserIsForbiddenOnOperatorRoutesWhateverTheBody() {
        SettlementApi api = new SettlementApi(port);
        String user = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), List.of(Permission.values()).stream()
                .filter(permission -> permission != Permission.OPERATOR).toList(), List.of());
        UUID entity = UUID.randomUUID();

        for (String body : List.of("{", "{\"amount\": \"1e2\", \"reason\": 7}", "[]")) {
            for (String[] route : new String[][] {
                    {"POST", "/operator/v1/settlement/legal-entities/" + entity + "/fee-corrections"},
                    {"PATCH", "/operator/v1/settlement/profiles/" + entity},
                    {"POST", "/operator/v1/settlement/reports/" + UUID.randomUUID() + "/payout-sent"},
                    {"POST", "/operator/v1/settlement/zatca/egs/onboarding"},
                    {"POST", "/operator/v1/settlement/clock/advance"},
                    {"POST", "/operator/v1/settlement/legal-entities/" + entity + "/close-period"}}) {
                SettlementApi.Answer answer = api.asUser(user, HttpMethod.valueOf(route[0]), route[1], body);
                assertThat(answer.status()).as("%s %s with %s", route[0], route[1], body).isEqualTo(403);
                assertThat(answer.errorCode()).isEqualTo("forbidden");
            }
        }
    }
}
