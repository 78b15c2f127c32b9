package com.partnersportal.identity.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client of identity-service, as the gateway would call it: each instance comes from its own client address
 * ({@code X-Forwarded-For}), so that sign-in throttling of one test does not reach another.
 */
public final class Portal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String clientAddress;

    public Portal(int port) {
        this(port, randomAddress());
    }

    public Portal(int port, String clientAddress) {
        this.http = RestClient.create("http://localhost:" + port);
        this.clientAddress = clientAddress;
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255));
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** What came back: status, headers and body. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first error code of a problem-details answer. */
        public String errorCode() {
            return json().get("errors").get(0).get("error_code").asString();
        }

        public boolean isProblem() {
            return headers.getContentType() != null
                    && headers.getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    public Reply get(String path, String bearer) {
        return exchange(HttpMethod.GET, path, bearer, null);
    }

    public Reply post(String path, String bearer, String jsonBody) {
        return exchange(HttpMethod.POST, path, bearer, jsonBody);
    }

    public Reply put(String path, String bearer, String jsonBody) {
        return exchange(HttpMethod.PUT, path, bearer, jsonBody);
    }

    public Reply patch(String path, String bearer, String jsonBody) {
        return exchange(HttpMethod.PATCH, path, bearer, jsonBody);
    }

    public Reply delete(String path, String bearer) {
        return exchange(HttpMethod.DELETE, path, bearer, null);
    }

    public Reply signIn(String email, String password) {
        return post("/auth/v1/sign-in", null, json("email", email, "password", password));
    }

    public Reply exchange(HttpMethod method, String path, String bearer, String jsonBody) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).header("X-Forwarded-For", clientAddress);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, response) -> new Reply(response.getStatusCode().value(), response.getHeaders(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A JSON object from name/value pairs (values: strings, numbers, booleans, lists, maps or null). */
    public static String json(Object... namesAndValues) {
        java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(object);
    }
}
