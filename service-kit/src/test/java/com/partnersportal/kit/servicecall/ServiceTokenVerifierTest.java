package com.partnersportal.kit.servicecall;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ServiceTokenVerifierTest {

    private static final ECKey IDENTITY_KEY = newKey("identity-1");
    private static final ECKey FORGER_KEY = newKey("identity-1");
    private static final JOSEObjectType SERVICE = new JOSEObjectType(ServiceTokenClaims.TYPE);

    private final ServiceTokenVerifier verifier =
            new ServiceTokenVerifier(new ImmutableJWKSet<>(new JWKSet(IDENTITY_KEY.toPublicJWK())));

    @Test
    void aTokenIssuedToAServiceClientNamesItAndItsScopes() {
        assertThat(verifier.verify(token(IDENTITY_KEY, SERVICE, claims -> claims)))
                .contains(new ServiceCaller("notification-service",
                        java.util.Set.of("api-tokens.introspect", "recipients.read")));
    }

    @Test
    void forgedExpiredForeignOrUserTokensAreNoServiceTokens() {
        assertThat(verifier.verify(token(FORGER_KEY, SERVICE, claims -> claims))).isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, SERVICE,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(10)))))).isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, SERVICE, claims -> claims.issuer("someone-else")))).isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, SERVICE, claims -> claims.claim(ServiceTokenClaims.SCOPE, null))))
                .isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, SERVICE, claims -> claims.audience(AccessTokenClaims.AUDIENCE))))
                .as("a portal user's audience").isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, JOSEObjectType.JWT, claims -> claims)))
                .as("a portal user's token type").isEmpty();
        assertThat(verifier.verify(token(IDENTITY_KEY, null, claims -> claims))).isEmpty();
        assertThat(verifier.verify("ppk_sandbox_not_a_jwt")).isEmpty();
    }

    private static String token(ECKey key, JOSEObjectType type, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(ServiceTokenClaims.AUDIENCE)
                .subject("notification-service")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim(ServiceTokenClaims.SCOPE, "api-tokens.introspect recipients.read");
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(),
                    change.apply(claims).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
