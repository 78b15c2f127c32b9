package com.partnersportal.settlement.testing;

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
import com.partnersportal.testsupport.TestAccessTokens;

/** settlement-service over HTTP as a portal user or an operator calls it; decimals kept exact. */
public final class SettlementApi {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final RestClient http;
    private final String operatorToken = TestAccessTokens.operator(UUID.randomUUID());

    public SettlementApi(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    public record Answer(int status, JsonNode body, HttpHeaders headers, byte[] bytes) {

        public String errorCode() {
            return body.get("errors").get(0).get("error_code").asString();
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Answer asUser(String token, HttpMethod method, String path, String body) {
        return call(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    public Answer asUser(String token, String path) {
        return asUser(token, HttpMethod.GET, path, null);
    }

    public Answer asOperator(HttpMethod method, String path, String body) {
        return call(method, path, body, Map.of("Authorization", "Bearer " + operatorToken));
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
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8).trim();
        JsonNode json = text.startsWith("{") ? JSON.readTree(text) : null;
        return new Answer(response.getStatusCode().value(), json, response.getHeaders(), raw);
    }

    public static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
