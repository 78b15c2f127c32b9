package com.partnersportal.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Portal access tokens for a service's tests, signed with a test key that the service trusts when the test
 * imports {@link Keys} (in place of identity-service's JWKS). The tokens carry exactly the claims identity issues.
 */
public final class TestAccessTokens {

    private static final ECKey KEY = generate();

    private TestAccessTokens() {
    }

    /** Makes the service under test trust the test key (and only it). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Keys {

        @Bean
        JWKSource<SecurityContext> accessTokenKeys() {
            return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
        }
    }

    /** A signed-in user of the merchant with these permissions, limited to these legal entities (none = all). */
    public static String user(UUID merchantId, UUID userId, Collection<Permission> permissions,
            Collection<UUID> legalEntities) {
        return sign(claims(userId)
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
        return sign(claims(userId)
                .claim(AccessTokenClaims.PERMISSIONS, java.util.List.of(Permission.OPERATOR.code()))
                .claim(AccessTokenClaims.EMAIL, "operator@partners-portal.example")
                .build());
    }

    private static JWTClaimsSet.Builder claims(UUID userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(AccessTokenClaims.AUDIENCE)
                .subject(userId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)));
    }

    private static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
