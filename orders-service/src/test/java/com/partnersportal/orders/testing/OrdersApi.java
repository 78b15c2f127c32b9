package com.partnersportal.orders.testing;

import java.util.concurrent.ConcurrentHashMap;
import com.partnersportal.testsupport.IdentityStandIn;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * orders-service over HTTP, as a merchant's system (an API token of the merchant, which identity's stand-in
 * introspects) or a portal user (access token) calls it. Answers keep the exact decimals on the wire.
 */
public final class OrdersApi {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final Map<UUID, String> API_TOKENS = new ConcurrentHashMap<>();

    private final RestClient http;

    public OrdersApi(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    public record Answer(int status, JsonNode body, HttpHeaders headers, String raw) {

        public String errorCode() {
            return body.get("errors").get(0).get("error_code").asString();
        }

        public String text(String field) {
            return body.get(field).asString();
        }

        /** An amount as the wire wrote it ("300.00"), from {"amount": .., "currency": ..} at {@code field}. */
        public String amount(String field) {
            return body.get(field).get("amount").toString();
        }
    }

    /** As the merchant's system, with a live API token of the merchant (test contexts with {@code IdentityStandIn.Used}). */
    public Answer asMerchant(UUID merchant, HttpMethod method, String path, String body, Map<String, String> headers) {
        return call(method, path, body, merged(headers, "Authorization", "Bearer " + apiToken(merchant)));
    }

    /** The merchant's API token, registered once with identity's stand-in. */
    public static String apiToken(UUID merchant) {
        return API_TOKENS.computeIfAbsent(merchant, IdentityStandIn::apiToken);
    }

    public Answer asMerchant(UUID merchant, HttpMethod method, String path, String body) {
        return asMerchant(merchant, method, path, body, Map.of());
    }

    /** As a signed-in portal user. */
    public Answer asUser(String accessToken, HttpMethod method, String path, String body, Map<String, String> headers) {
        return call(method, path, body, merged(headers, "Authorization", "Bearer " + accessToken));
    }

    public Answer asUser(String accessToken, HttpMethod method, String path, String body) {
        return asUser(accessToken, method, path, body, Map.of());
    }

    public Answer call(HttpMethod method, String path, String body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().onStatus(status -> true, (req, res) -> { })
                .toEntity(String.class);
        String raw = response.getBody();
        JsonNode json = raw == null || raw.isBlank() || !raw.trim().startsWith("{") ? null : JSON.readTree(raw);
        return new Answer(response.getStatusCode().value(), json, response.getHeaders(), raw);
    }

    private static Map<String, String> merged(Map<String, String> headers, String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
