package com.partnersportal.identity.signingkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.caller.AccessTokenVerifier;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.time.SandboxClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IdentityIntegrationTest
class AccessTokenIT {

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenSigner signer;

    /** What another service does: verify with service-kit's verifier against the published JWKS, over HTTP. */
    private AccessTokenVerifier verifierOfAnotherService() throws Exception {
        return new AccessTokenVerifier(JWKSourceBuilder.create(
                URI.create("http://localhost:" + mother.port() + AccessTokenClaims.JWKS_PATH).toURL())
                .cache(false).rateLimited(false).refreshAheadCache(false).build());
    }

    @Test
    void anotherServiceVerifiesTheAccessTokenAgainstThePublishedKeysAndSeesWhoIsCalling() throws Exception {
        MerchantFixture merchant = mother.merchant();
        Member viewer = mother.member(merchant, "viewer", List.of(merchant.ksaEntity()));

        Caller caller = verifierOfAnotherService().verify(viewer.accessToken()).orElseThrow();

        assertThat(caller.kind()).isEqualTo(Caller.Kind.USER);
        assertThat(caller.merchantId()).isEqualTo(merchant.id());
        assertThat(caller.actorId()).isEqualTo(viewer.userId().toString());
        assertThat(caller.permissions()).containsExactlyInAnyOrder(Permission.ORDERS_VIEW, Permission.SETTLEMENTS_VIEW,
                Permission.INVOICES_VIEW);
        assertThat(caller.legalEntities()).containsExactly(merchant.ksaEntity());
        assertThat(caller.email()).isEqualTo(viewer.email());
        assertThat(caller.locale()).isEqualTo("ar");
    }

    @Test
    void theTokenCarriesExactlyTheClaimsOfAdr0006() throws Exception {
        MerchantFixture merchant = mother.merchant();
        SignedJWT jwt = SignedJWT.parse(merchant.admin().accessToken());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "exp", "jti",
                "merchant_id", "entities", "permissions", "role", "email", "name", "locale");
        assertThat(claims.getIssuer()).isEqualTo("partners-portal-identity");
        assertThat(claims.getAudience()).containsExactly("partners-portal");
        assertThat(claims.getSubject()).isEqualTo(merchant.admin().userId().toString());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getStringClaim("merchant_id")).isEqualTo(merchant.id().toString());
        assertThat(claims.getStringListClaim("entities")).isEmpty();
        assertThat(claims.getStringClaim("role")).isEqualTo("admin");
        assertThat(claims.getStringListClaim("permissions")).doesNotContain("operator").contains("users.manage");
    }

    @Test
    void anOperatorsTokenHasTheOperatorPermissionAndNoMerchant() throws Exception {
        Member operator = mother.operator();

        Caller caller = verifierOfAnotherService().verify(operator.accessToken()).orElseThrow();
        JWTClaimsSet claims = SignedJWT.parse(operator.accessToken()).getJWTClaimsSet();

        assertThat(caller.kind()).isEqualTo(Caller.Kind.OPERATOR);
        assertThat(caller.permissions()).containsExactly(Permission.OPERATOR);
        assertThat(claims.getClaims()).doesNotContainKey("merchant_id");
    }

    @Test
    void aRotationKeepsEarlierTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
        Member admin = mother.merchant().admin();
        String oldKid = SignedJWT.parse(admin.accessToken()).getHeader().getKeyID();
        AccessTokenVerifier verifier = verifierOfAnotherService();
        Portal portal = mother.portal();

        Reply rotation = portal.post("/operator/v1/signing-keys/rotation", mother.operator().accessToken(), null);

        assertThat(rotation.status()).isEqualTo(201);
        String newKid = rotation.json().get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotation.json().get("previous_kid").asString()).isEqualTo(oldKid);
        assertThat(portal.get("/portal/v1/roles", admin.accessToken()).status())
                .as("a token signed before the rotation still works").isEqualTo(200);
        assertThat(verifier.verify(admin.accessToken())).isPresent();
        String newToken = mother.signIn(admin.email(), admin.password()).accessToken();
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(verifier.verify(newToken)).isPresent();
        assertThat(portal.get(AccessTokenClaims.JWKS_PATH, null).json().get("keys").valueStream()
                .map(key -> key.get("kid").asString())).contains(oldKid, newKid);
        var audited = portal.get("/operator/v1/audit-log?action=signing_key.rotated", mother.operator().accessToken())
                .json().get("entries").get(0);
        assertThat(audited.get("target").get("id").asString()).isEqualTo(newKid);
        assertThat(audited.get("before").get("kid").asString()).isEqualTo(oldKid);
    }

    @Test
    void aRetiredKeyIsNoLongerPublishedOnceEveryTokenItSignedHasExpired() throws Exception {
        String oldKid = SignedJWT.parse(mother.merchant().admin().accessToken()).getHeader().getKeyID();
        mother.portal().post("/operator/v1/signing-keys/rotation", mother.operator().accessToken(), null);

        clock.advance(Duration.ofMinutes(21));

        assertThat(mother.portal().get(AccessTokenClaims.JWKS_PATH, null).json().get("keys").valueStream()
                .map(key -> key.get("kid").asString())).doesNotContain(oldKid);
    }

    @Test
    void onlyOperatorsRotateKeys() {
        Member admin = mother.merchant().admin();

        Reply reply = mother.portal().post("/operator/v1/signing-keys/rotation", admin.accessToken(), null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void theJwksPublishesPublicKeysOnlyAndThePrivateHalvesAreEncryptedAtRest() {
        Reply jwks = mother.portal().get(AccessTokenClaims.JWKS_PATH, null);

        assertThat(jwks.status()).isEqualTo(200);
        jwks.json().get("keys").valueStream().forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("EC");
            assertThat(key.get("crv").asString()).isEqualTo("P-256");
            assertThat(key.has("d")).as("no private part").isFalse();
        });
        jdbc.sql("SELECT private_key_encrypted FROM signing_key").query(byte[].class).list().forEach(stored ->
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"").doesNotContain("P-256"));
    }

    @Test
    void tamperedUnsignedForeignAndExpiredTokensAreRefused() throws Exception {
        MerchantFixture merchant = mother.merchant();
        Member admin = merchant.admin();
        Portal portal = mother.portal();
        SignedJWT genuine = SignedJWT.parse(admin.accessToken());
        JWTClaimsSet claims = genuine.getJWTClaimsSet();

        String[] parts = admin.accessToken().split("\\.");
        String escalated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWTClaimsSet.Builder(claims).claim("permissions", List.of("operator")).build().toString()
                        .getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + escalated + "." + parts[2];
        String unsigned = new PlainJWT(claims).serialize();
        String noneWithSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
        ECKey foreignKey = new ECKeyGenerator(Curve.P_256).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(genuine.getHeader().getKeyID()).build(), claims);
        foreign.sign(new ECDSASigner(foreignKey));
        String expired = issuedTwentyMinutesAgo(mother.signIn(admin.email(), admin.password()).accessToken());

        for (String token : List.of(tampered, unsigned, noneWithSignature, foreign.serialize(), expired)) {
            Reply reply = portal.get("/portal/v1/users", token);
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("invalid_token");
        }
        assertThat(portal.get("/portal/v1/users", admin.accessToken()).status()).isEqualTo(200);
        assertThat(portal.get("/portal/v1/users", null).status()).isEqualTo(401);
        assertThat(Set.of(expired)).allSatisfy(token -> assertThat(SignedJWT.parse(token).getJWTClaimsSet()
                .getExpirationTime()).isBefore(new Date()));
    }

    /**
     * The token as identity would have issued it 20 minutes ago (its claims, its lifetime, its current key), so at
     * least five minutes past its end by any clock: the sandbox clock only moves forward, and tokens expire by the system's.
     */
    private String issuedTwentyMinutesAgo(String accessToken) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        return signer.sign(new JWTClaimsSet.Builder(claims).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(lifetime))).build());
    }
}
