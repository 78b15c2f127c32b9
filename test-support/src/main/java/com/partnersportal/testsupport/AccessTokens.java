package com.partnersportal.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.identity.contract.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Portal access tokens for tests, signed as identity-service signs them (ES256, with a {@code kid}) by a key
 * generated once per test JVM. A service under test trusts that key when its context has {@link #keys()} as
 * its {@code JWKSource} bean: {@code @Import(AccessTokens.TrustedKeys.class)}, or registered by a context
 * customizer so that every test class of the module keeps sharing one context.
 */
public final class AccessTokens {

    private static final ECKey KEY = generate("test-identity-1");

    private AccessTokens() {
    }

    /** The public half of the signing key, as identity-service's JWKS would publish it. */
    public static JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
    }

    /** One of the provider's operators: the {@code operator} permission and no merchant. */
    public static String operator() {
        return sign(claims(UUID.randomUUID()).claim(AccessTokenClaims.PERMISSIONS, List.of(Permission.OPERATOR.code()))
                .claim(AccessTokenClaims.ROLE, "operator")
                .build());
    }

    /** A merchant's portal user holding the given permissions. */
    public static String user(UUID merchantId, Permission... permissions) {
        return sign(claims(UUID.randomUUID())
                .claim(AccessTokenClaims.MERCHANT_ID, merchantId.toString())
                .claim(AccessTokenClaims.PERMISSIONS, Arrays.stream(permissions).map(Permission::code).toList())
                .claim(AccessTokenClaims.ROLE, "custom")
                .build());
    }

    /** Valid standard claims (issuer, audience, subject, issued now, expiring in 15 minutes) to add to. */
    public static JWTClaimsSet.Builder claims(UUID subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(AccessTokenClaims.AUDIENCE)
                .subject(subject.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    /** A platform service's token (client-credentials grant at identity) with these scopes, valid for 5 minutes. */
    public static String service(String clientId, String... scopes) {
        return signService(serviceClaims(clientId, scopes).build());
    }

    /** Valid claims of a service token (issuer, service audience, client, scopes, issued now, 5 minutes) to add to. */
    public static JWTClaimsSet.Builder serviceClaims(String clientId, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(ServiceTokenClaims.AUDIENCE)
                .subject(clientId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(ServiceTokenClaims.SCOPE, String.join(" ", scopes));
    }

    /** Any claims, signed with the trusted key as a service token (header {@code typ} service+jwt). */
    public static String signService(JWTClaimsSet claims) {
        return sign(claims, new JOSEObjectType(ServiceTokenClaims.TYPE));
    }

    /** Any claims, signed with the trusted key. */
    public static String sign(JWTClaimsSet claims) {
        return sign(claims, null);
    }

    private static String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new ECDSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the service under test trust {@link AccessTokens}' key instead of fetching identity-service's JWKS. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TrustedKeys {

        @Bean
        JWKSource<SecurityContext> accessTokenKeys() {
            return keys();
        }
    }
}
