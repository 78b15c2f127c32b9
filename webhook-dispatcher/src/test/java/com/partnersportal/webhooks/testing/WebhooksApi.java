package com.partnersportal.webhooks.testing;

import com.partnersportal.testsupport.IdentityStandIn;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** webhook-dispatcher over HTTP: as a merchant's system (sandbox merchant header) or as a portal user. */
public final class WebhooksApi {

    private static final Map<UUID, String> API_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient http;

    public WebhooksApi(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    public record Answer(int status, JsonNode body) {
        public String errorCode() {
            return body.get("errors").get(0).get("error_code").asString();
        }

        public String text(String field) {
            return body.get(field).asString();
        }
    }

    /** As the merchant's system, with a live API token of the merchant (identity's stand-in introspects it). */
    public Answer asMerchant(UUID merchant, HttpMethod method, String path, String body) {
        return call(method, path, body, Map.of("Authorization", "Bearer " + API_TOKENS.computeIfAbsent(merchant,
                IdentityStandIn::apiToken)));
    }

    public Answer asUser(UUID merchant, HttpMethod method, String path, String body) {
        return call(method, path, body, Map.of("Authorization", "Bearer " + TestAccessTokens.user(merchant, UUID.randomUUID(),
                List.of(Permission.WEBHOOKS_MANAGE), List.of())));
    }

    public Answer asUserWithout(UUID merchant, HttpMethod method, String path) {
        return call(method, path, null, Map.of("Authorization", "Bearer " + TestAccessTokens.user(merchant, UUID.randomUUID(),
                List.of(Permission.ORDERS_VIEW), List.of())));
    }

    public Answer call(HttpMethod method, String path, String body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<byte[]> response = request.retrieve().onStatus(status -> true, (req, res) -> { })
                .toEntity(byte[].class);
        byte[] raw = response.getBody() == null ? new byte[0] : response.getBody();
        String text = new String(raw, StandardCharsets.UTF_8).trim();
        return new Answer(response.getStatusCode().value(), text.isEmpty() ? null : JSON.readTree(text));
    }

    /** Registers an endpoint through Tamara's merchant API; returns its id. */
    public UUID register(UUID merchant, String url, List<String> events) {
        Answer answer = asMerchant(merchant, HttpMethod.POST, "/webhooks", JSON.writeValueAsString(Map.of(
                "type", "order", "url", url, "events", events, "headers", Map.of("X-Shop", "test-shop"))));
        if (answer.status() != 200) {
            throw new IllegalStateException("registration answered " + answer.status() + ": " + answer.body());
        }
        return UUID.fromString(answer.text("webhook_id"));
    }

    public String secret(UUID merchant, UUID endpoint) {
        return asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/" + endpoint + "/secret", null).text("secret");
    }

    public String notificationToken(UUID merchant) {
        return asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/notification-token", null).text("notification_token");
    }

    public static final List<String> ALL_EVENTS = List.of("order_approved", "order_declined", "order_authorised",
            "order_captured", "order_refunded", "order_canceled", "order_expired");
}
