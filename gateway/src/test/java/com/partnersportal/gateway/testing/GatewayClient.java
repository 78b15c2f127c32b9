package com.partnersportal.gateway.testing;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A caller's plain client of the gateway under test that retries nothing and follows no redirect, whatever HTTP
 * library the gateway brings (RestClient.create() would pick Apache HttpClient when present, which retries 503s and
 * 429s): it sees exactly what the gateway answers.
 */
public class GatewayClient {

    private static final RestClient CALLER = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();

    private final Environment environment;

    GatewayClient(Environment environment) {
        this.environment = environment;
    }

    /** The port the gateway listens on (known once the server runs). */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public ResponseEntity<String> call(HttpMethod method, String path, Map<String, String> headers, String body) {
        RestClient.RequestBodySpec request = CALLER.method(method).uri("http://localhost:" + port() + path);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> call(HttpMethod method, String path, String bearer) {
        return call(method, path, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), null);
    }
}
