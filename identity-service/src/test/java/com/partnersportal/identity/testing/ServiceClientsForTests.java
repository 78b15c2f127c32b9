package com.partnersportal.identity.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service clients identity knows in its tests (configured by {@link IdentityIntegrationTest} with these secrets' hashes, as
 * the launcher configures the real ones), and their tokens fetched over the real client-credentials grant.
 */
public final class ServiceClientsForTests {

    public static final String NOTIFICATION = "notification-service";
    public static final String NOTIFICATION_SECRET = "test-notification-secret-5f0c2b9e1d7a";
    public static final String GATEWAY = "gateway";
    public static final String GATEWAY_SECRET = "test-gateway-secret-8a41d3c07e95";

    /** The SHA-256 of each secret, as configured at identity (ServiceClientsIT checks they match). */
    static final String NOTIFICATION_HASH_PROPERTY = "portal.identity.service-tokens.clients.notification-service"
            + ".secret-sha256=2e7e9644603466514a1300edd6148dc59717925d882e4333cedc90c5a25b89b3";
    static final String GATEWAY_HASH_PROPERTY = "portal.identity.service-tokens.clients.gateway"
            + ".secret-sha256=b60d089cdd09fe8cc94e9e93aaa78ce5fef6db2196285b236826842e29397f65";

    private ServiceClientsForTests() {
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service token for the client, fetched from the identity-service under test. */
    public static String token(int port, String clientId, String secret) {
        String body = RestClient.create("http://localhost:" + port).post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("grant_type=client_credentials")
                .retrieve().body(String.class);
        return JsonMapper.builder().build().readTree(body).get("access_token").asString();
    }
}
