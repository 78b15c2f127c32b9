package com.partnersportal.webhooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

@WebhooksIntegrationTest
class WebhookEndpointsIT {

    @LocalServerPort
    int port;
    WebhooksApi api;
    final UUID merchant = UUID.randomUUID();

    @BeforeEach
    void connect() {
        api = new WebhooksApi(port);
    }

    @Test
    void tamarasMerchantApiRegistersReadsUpdatesAndDeletesAWebhook() {
        var created = api.asMerchant(merchant, HttpMethod.POST, "/webhooks", """
                {"type": "order", "url": "https://shop.example.com/tamara/notify",
                 "events": ["order_approved", "order_captured"], "headers": {"X-Shop": "one"}}""");
        assertThat(created.status()).isEqualTo(200);
        String id = created.text("webhook_id");

        var read = api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("url")).isEqualTo("https://shop.example.com/tamara/notify");
        assertThat(read.body().get("events").toString()).isEqualTo("[\"order_approved\",\"order_captured\"]");
        assertThat(read.body().get("headers").get("X-Shop").asString()).isEqualTo("one");
        assertThat(read.body().get("enabled").asBoolean()).isTrue();

        var updated = api.asMerchant(merchant, HttpMethod.PUT, "/webhooks/" + id, """
                {"type": "order", "url": "https://shop.example.com/tamara/v2", "events": ["order_refunded"],
                 "description": "refunds only", "enabled": false}""");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("url")).isEqualTo("https://shop.example.com/tamara/v2");
        assertThat(updated.body().get("enabled").asBoolean()).isFalse();

        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks", null).body().size()).isEqualTo(1);
        assertThat(api.asMerchant(merchant, HttpMethod.DELETE, "/webhooks/" + id, null).status()).isEqualTo(204);
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void theSameUrlTwiceIsWebhookAlreadyRegisteredWithTheExistingId() {
        UUID id = api.register(merchant, "https://shop.example.com/same", List.of("order_approved"));
        var again = api.asMerchant(merchant, HttpMethod.POST, "/webhooks", """
                {"type": "order", "url": "https://shop.example.com/same", "events": ["order_captured"]}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("webhook_already_registered");
        assertThat(again.body().get("errors").get(0).get("data").get("webhook_id").asString()).isEqualTo(id.toString());
        // Another merchant may register the same URL.
        assertThat(api.register(UUID.randomUUID(), "https://shop.example.com/same", List.of("order_approved"))).isNotEqualTo(id);
    }

    @Test
    void badEndpointsAreRefusedAndChangeNothing() {
        String longUrl = "https://shop.example.com/" + "a".repeat(240);
        assertThat(api.asMerchant(merchant, HttpMethod.POST, "/webhooks",
                "{\"url\": \"" + longUrl + "\", \"events\": [\"order_approved\"]}").errorCode()).isEqualTo("invalid_field");
        assertThat(api.asMerchant(merchant, HttpMethod.POST, "/webhooks",
                "{\"url\": \"https://shop.example.com/x\", \"events\": [\"order_shipped\"]}").errorCode())
                .isEqualTo("event_type_unknown");
        assertThat(api.asMerchant(merchant, HttpMethod.POST, "/webhooks",
                "{\"url\": \"ftp://shop.example.com/x\", \"events\": [\"order_approved\"]}").status()).isEqualTo(400);
        assertThat(api.asMerchant(merchant, HttpMethod.POST, "/webhooks", """
                {"url": "https://shop.example.com/x", "events": ["order_approved"],
                 "headers": {"webhook-signature": "forged"}}""").status()).isEqualTo(400);
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks", null).body().size()).isZero();
    }

    @Test
    void oneMerchantNeverReachesAnothersWebhooks() {
        UUID other = UUID.randomUUID();
        UUID id = api.register(other, "https://other.example.com/hook", List.of("order_approved"));
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + id, null).status()).isEqualTo(404);
        assertThat(api.asMerchant(merchant, HttpMethod.DELETE, "/webhooks/" + id, null).status()).isEqualTo(404);
        assertThat(api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/" + id + "/secret", null).status()).isEqualTo(404);
        assertThat(api.asMerchant(other, HttpMethod.GET, "/webhooks/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void thePortalNeedsWebhooksManageAndTheMerchantApiAnApiToken() {
        assertThat(api.asUserWithout(merchant, HttpMethod.GET, "/portal/v1/webhooks").status()).isEqualTo(403);
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/portal/v1/webhooks", null).status()).isEqualTo(403);
        assertThat(api.asUser(merchant, HttpMethod.GET, "/webhooks", null).status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.GET, "/webhooks", null, java.util.Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aUserRevealsAndRotatesTheSecret() {
        var created = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks", """
                {"url": "https://shop.example.com/portal", "events": ["order_approved"], "description": "ERP"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("webhook_id");
        String secret = api.secret(merchant, UUID.fromString(id));
        assertThat(secret).startsWith("whsec_");

        var rotated = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + id + "/secret/rotate", null);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.text("previous_secret_expires_at")).isNotBlank();
        assertThat(api.secret(merchant, UUID.fromString(id))).isEqualTo(rotated.text("secret"));

        String token = api.notificationToken(merchant);
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(api.notificationToken(merchant)).isEqualTo(token);
    }
}
