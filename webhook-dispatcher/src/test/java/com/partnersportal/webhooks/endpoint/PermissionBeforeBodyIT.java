package com.partnersportal.webhooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caller who may not manage webhooks hears 403 before anything about the body: a portal user without
 * {@code webhooks.manage} posting a malformed or SSRF-looking endpoint, a user on the merchant API. Nothing is stored.
 */
@WebhooksIntegrationTest
class PermissionBeforeBodyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutThePermissionTheBodyIsNeverLookedAt() {
        UUID merchant = UUID.randomUUID();
        WebhooksApi api = new WebhooksApi(port);
        String viewer = "Bearer " + TestAccessTokens.user(merchant, UUID.randomUUID(), List.of(Permission.ORDERS_VIEW), List.of());
        String manager = "Bearer " + TestAccessTokens.user(merchant, UUID.randomUUID(), List.of(Permission.WEBHOOKS_MANAGE),
                List.of());

        for (String body : List.of("{", "{\"url\": \"http://169.254.169.254/\", \"events\": 5}", "[]")) {
            WebhooksApi.Answer portal = api.call(HttpMethod.POST, "/portal/v1/webhooks", body, Map.of("Authorization", viewer));
            assertThat(portal.status()).as(body).isEqualTo(403);
            assertThat(portal.errorCode()).isEqualTo("forbidden");
            WebhooksApi.Answer merchantApi = api.call(HttpMethod.POST, "/webhooks", body, Map.of("Authorization", manager));
            assertThat(merchantApi.status()).as(body).isEqualTo(403);
            assertThat(merchantApi.errorCode()).isEqualTo("api_token_required");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE merchant_id = :m").param("m", merchant)
                .query(Long.class).single()).isZero();
    }
}
