package com.partnersportal.identity.serviceclient;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.identity.service-tokens.*}: the platform services that may obtain a service access token, what each
 * may call, and how long a token lives. A client's secret is never configured here, only its SHA-256 (hex): the
 * secrets are long random strings (the launcher, compose and Kubernetes secrets supply them to the callers), so a
 * plain hash is as strong as a slow one and costs nothing per grant.
 *
 * @param ttl     a service token's lifetime (short: a removed client loses access within it)
 * @param clients by client id; a client without a secret hash cannot obtain tokens
 */
@ConfigurationProperties("portal.identity.service-tokens")
record ServiceClientProperties(Duration ttl, Map<String, Client> clients) {

    ServiceClientProperties {
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((id, client) -> client.scopes().forEach(scope -> {
            if (!ServiceTokenClaims.Scopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("Service client '" + id + "' names an unknown scope: " + scope);
            }
        }));
    }

    /**
     * @param secretSha256 the SHA-256 of the client's secret, hex
     * @param scopes       what it may call ({@link ServiceTokenClaims.Scopes})
     */
    record Client(String secretSha256, List<String> scopes) {

        Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            secretSha256 = secretSha256 == null ? "" : secretSha256.strip().toLowerCase(java.util.Locale.ROOT);
            if (!secretSha256.isEmpty() && (secretSha256.length() != 64 || !secretSha256.chars().allMatch(HexFormat::isHexDigit))) {
                throw new IllegalArgumentException("A service client's secret-sha256 is 64 hex digits");
            }
        }

        boolean enabled() {
            return !secretSha256.isEmpty();
        }
    }
}
