package com.partnersportal.identity.serviceclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured service clients: who presents the right secret, and what it may call. */
@Component
class ServiceClients {

    private static final byte[] NO_SECRET = new byte[32];

    private final ServiceClientProperties properties;

    ServiceClients(ServiceClientProperties properties) {
        this.properties = properties;
    }

    /** The client's granted scopes if the secret is its own; the comparison takes the same time either way. */
    Optional<List<String>> authenticate(String clientId, String secret) {
        ServiceClientProperties.Client client = clientId == null ? null : properties.clients().get(clientId);
        byte[] expected = client == null || !client.enabled() ? NO_SECRET : HexFormat.of().parseHex(client.secretSha256());
        boolean matches = MessageDigest.isEqual(sha256(secret == null ? "" : secret), expected);
        return matches && client != null && client.enabled() ? Optional.of(client.scopes()) : Optional.empty();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
