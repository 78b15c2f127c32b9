package com.partnersportal.testsupport;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import java.util.Collection;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Portal access tokens for a service's tests with the user's id and legal entities chosen by the test, signed
 * with {@link AccessTokens}' key, which the service trusts when the test imports {@link Keys}.
 */
public final class TestAccessTokens {

    private TestAccessTokens() {
    }

    /** Makes the service under test trust the test key (and only it). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Keys {

        @Bean
        JWKSource<SecurityContext> accessTokenKeys() {
            return AccessTokens.keys();
        }
    }

    /** A signed-in user of the merchant with these permissions, limited to these legal entities (none = all). */
    public static String user(UUID merchantId, UUID userId, Collection<Permission> permissions,
            Collection<UUID> legalEntities) {
        return AccessTokens.sign(AccessTokens.claims(userId)
                .claim(AccessTokenClaims.MERCHANT_ID, merchantId.toString())
                .claim(AccessTokenClaims.PERMISSIONS, permissions.stream().map(Permission::code).toList())
                .claim(AccessTokenClaims.ENTITIES, legalEntities.stream().map(UUID::toString).toList())
                .claim(AccessTokenClaims.EMAIL, "user-" + userId + "@merchant.example")
                .claim(AccessTokenClaims.NAME, "Test User")
                .claim(AccessTokenClaims.LOCALE, "en")
                .build());
    }

    /** One of the provider's operators. */
    public static String operator(UUID userId) {
        return AccessTokens.sign(AccessTokens.claims(userId)
                .claim(AccessTokenClaims.PERMISSIONS, java.util.List.of(Permission.OPERATOR.code()))
                .claim(AccessTokenClaims.EMAIL, "operator@partners-portal.example")
                .build());
    }

    /**
     * A platform service's token for {@code /internal/...} calls, as identity-service issues it to a configured
     * service client (e.g. {@code TestAccessTokens.service("local-launcher", Scopes.CHECKOUT_DECISIONS_WRITE)}).
     */
    public static String service(String clientId, String... scopes) {
        return AccessTokens.service(clientId, scopes);
    }
}
