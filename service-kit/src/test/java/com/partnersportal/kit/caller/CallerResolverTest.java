package com.partnersportal.kit.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class CallerResolverTest {

    private static final ECKey IDENTITY_KEY = newKey("identity-1");
    private static final ECKey ANOTHER_KEY = newKey("identity-1");

    private final ApiTokenIntrospection unreachableIdentity =
            new ApiTokenIntrospection(RestClient.create("http://127.0.0.1:9"), Duration.ofSeconds(60));
    private final AccessTokenVerifier verifier =
            new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(IDENTITY_KEY.toPublicJWK())));

    private final UUID merchant = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID entity = UUID.randomUUID();

    @Test
    void aSignedAccessTokenIsTheUserWithTheirMerchantEntitiesAndPermissions() {
        Caller caller = resolve("Bearer " + accessToken(IDENTITY_KEY, claims -> claims));

        assertThat(caller.kind()).isEqualTo(Caller.Kind.USER);
        assertThat(caller.merchantId()).isEqualTo(merchant);
        assertThat(caller.actorId()).isEqualTo(user.toString());
        assertThat(caller.permissions()).containsExactlyInAnyOrder(Permission.ORDERS_VIEW, Permission.ORDERS_REFUND);
        assertThat(caller.sees(entity)).isTrue();
        assertThat(caller.sees(UUID.randomUUID())).isFalse();
        assertThat(caller.email()).isEqualTo("noura@example.com");
        assertThat(caller.require(Permission.ORDERS_REFUND)).isSameAs(caller);
        assertThatThrownBy(() -> caller.require(Permission.USERS_MANAGE))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(403));
    }

    @Test
    void tokensThatAreExpiredForeignUnsignedOrTamperedAreRefused() {
        assertRefused("Bearer " + accessToken(ANOTHER_KEY, claims -> claims));
        assertRefused("Bearer " + accessToken(IDENTITY_KEY,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        assertRefused("Bearer " + accessToken(IDENTITY_KEY, claims -> claims.issuer("someone-else")));
        assertRefused("Bearer " + accessToken(IDENTITY_KEY, claims -> claims.audience("another-platform")));
        assertRefused("Bearer " + new PlainJWT(new PlainHeader(), baseClaims().build()).serialize());

        String[] parts = accessToken(IDENTITY_KEY, claims -> claims).split("\\.");
        String otherMerchant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                baseClaims().claim(AccessTokenClaims.MERCHANT_ID, UUID.randomUUID().toString()).build().toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused("Bearer " + parts[0] + "." + otherMerchant + "." + parts[2]);
    }

    @Test
    void aServiceTokenSignedByTheSameKeyIsNoUsersAccessToken() {
        assertRefused("Bearer " + signed(IDENTITY_KEY, new JOSEObjectType(ServiceTokenClaims.TYPE),
                baseClaims().audience(ServiceTokenClaims.AUDIENCE).claim(ServiceTokenClaims.SCOPE, "api-tokens.introspect")
                        .build()));
        assertRefused("Bearer " + signed(IDENTITY_KEY, new JOSEObjectType(ServiceTokenClaims.TYPE), baseClaims().build()));
    }

    @Test
    void aTokenExpiredMoreThanFiveSecondsAgoIsRefusedThereIsNoMinuteOfGrace() {
        assertRefused("Bearer " + accessToken(IDENTITY_KEY,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(10)))));
    }

    @Test
    void aRevokedUsersTokensIssuedBeforeTheRevocationAreRefusedLaterOnesAndOtherUsersAreNot() {
        Revocations revocations = new Revocations();
        revocations.markLoaded();
        AccessTokenVerifier checking = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(IDENTITY_KEY.toPublicJWK())),
                revocations);
        CallerResolver resolver = new CallerResolver(checking, unreachableIdentity, revocations);
        String before = "Bearer " + accessToken(IDENTITY_KEY, claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(60))));
        String after = "Bearer " + accessToken(IDENTITY_KEY, claims -> claims.issueTime(Date.from(Instant.now().plusSeconds(2))));

        revocations.userRevoked(user.toString(), Instant.now().plusSeconds(1));

        assertThatThrownBy(() -> resolver.resolve(before)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.errorCode()).isEqualTo("invalid_token"));
        assertThat(resolver.resolve(after).actorId()).isEqualTo(user.toString());
        revocations.userRevoked(UUID.randomUUID().toString(), Instant.now().plusSeconds(1));
        assertThat(revocations.refuses(user.toString(), Instant.now().plusSeconds(2))).isFalse();
    }

    @Test
    void untilTheRevocationsAreLoadedATokenCallerIsAskedToComeBackNotLetIn() {
        CallerResolver resolver = new CallerResolver(verifier, unreachableIdentity, new Revocations());

        assertThatThrownBy(() -> resolver.resolve("Bearer " + accessToken(IDENTITY_KEY, claims -> claims)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(503);
                    assertThat(problem.errorCode()).isEqualTo("revocations_loading");
                });
    }

    @Test
    void onlyATokenNamingAKeyThatHasVerifiedATokenBeforeIsCheckedWithoutAskingIdentity() {
        CallerResolver resolver = new CallerResolver(verifier, unreachableIdentity);
        String first = "Bearer " + accessToken(IDENTITY_KEY, claims -> claims);
        String unknownKey = "Bearer " + accessToken(newKey("identity-2"), claims -> claims);

        assertThat(resolver.answersAtOnce(first)).as("no key known yet: the key set may have to be fetched").isFalse();
        resolver.resolve(first);

        assertThat(resolver.answersAtOnce("Bearer " + accessToken(IDENTITY_KEY, claims -> claims))).isTrue();
        assertThat(resolver.answersAtOnce(unknownKey)).as("a key not seen makes the verifier fetch the set").isFalse();
        assertRefused(unknownKey);
        assertThat(resolver.answersAtOnce(unknownKey)).as("a refused token teaches nothing").isFalse();
        assertThat(resolver.answersAtOnce("Bearer not.a.jwt")).as("unreadable: refused without any key").isTrue();
        assertThat(resolver.answersAtOnce(null)).isTrue();
    }

    @Test
    void aCallerWithNoCredentialsIsUnauthenticated() {
        assertThatThrownBy(() -> resolve(null))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(401));
    }

    private void assertRefused(String authorization) {
        assertThatThrownBy(() -> resolve(authorization))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(401);
                    assertThat(problem.errorCode()).isEqualTo("invalid_token");
                });
    }

    private Caller resolve(String authorization) {
        return new CallerResolver(verifier, unreachableIdentity).resolve(authorization);
    }

    private JWTClaimsSet.Builder baseClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(AccessTokenClaims.AUDIENCE)
                .subject(user.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim(AccessTokenClaims.MERCHANT_ID, merchant.toString())
                .claim(AccessTokenClaims.ENTITIES, List.of(entity.toString()))
                .claim(AccessTokenClaims.PERMISSIONS, List.of("orders.view", "orders.refund", "no.such.permission"))
                .claim(AccessTokenClaims.EMAIL, "noura@example.com");
    }

    private String accessToken(ECKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(key, null, change.apply(baseClaims()).build());
    }

    private static String signed(ECKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(),
                    claims);
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
