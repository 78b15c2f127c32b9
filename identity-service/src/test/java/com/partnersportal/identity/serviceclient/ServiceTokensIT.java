package com.partnersportal.identity.serviceclient;

import static com.partnersportal.identity.testing.ServiceClientsForTests.GATEWAY;
import static com.partnersportal.identity.testing.ServiceClientsForTests.GATEWAY_SECRET;
import static com.partnersportal.identity.testing.ServiceClientsForTests.NOTIFICATION;
import static com.partnersportal.identity.testing.ServiceClientsForTests.NOTIFICATION_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.identity.signingkey.TokenSigner;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.ServiceClientsForTests;
import com.partnersportal.kit.servicecall.ServiceTokenVerifier;
import com.partnersportal.testsupport.AccessTokens;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The client-credentials grant for the platform's services, and identity's own /internal endpoints refusing every
 * caller but a service token with the endpoint's scope.
 */
@IdentityIntegrationTest
class ServiceTokensIT {

    @Autowired
    IdentityMother mother;
    @Autowired
    TokenSigner signer;
    @Autowired
    JWKSource<SecurityContext> keys;

    @Test
    void aConfiguredClientWithItsSecretGetsAFiveMinuteServiceTokenWithItsScopes() throws Exception {
        Grant grant = grant("Basic " + basic(NOTIFICATION, NOTIFICATION_SECRET), "grant_type=client_credentials");

        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        assertThat(grant.cacheControl()).contains("no-store");
        var json = Portal.parse(grant.body());
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(300);
        SignedJWT token = SignedJWT.parse(json.get("access_token").asString());
        assertThat(token.getHeader().getType().getType()).isEqualTo(ServiceTokenClaims.TYPE);
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(ServiceTokenClaims.AUDIENCE);
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(NOTIFICATION);
        assertThat(new ServiceTokenVerifier(keys).verify(token.serialize()).orElseThrow().scopes())
                .containsExactlyInAnyOrder("api-tokens.introspect", "recipients.read");

        Grant inTheForm = grant(null, "grant_type=client_credentials&client_id=" + GATEWAY + "&client_secret=" + GATEWAY_SECRET);
        assertThat(inTheForm.status()).as(inTheForm.body()).isEqualTo(200);
    }

    @Test
    void aWrongSecretAnUnknownClientOrAnUnconfiguredOneGetsNoToken() {
        assertThat(grant("Basic " + basic(NOTIFICATION, GATEWAY_SECRET), "grant_type=client_credentials").status())
                .isEqualTo(401);
        assertThat(grant("Basic " + basic("intruder", NOTIFICATION_SECRET), "grant_type=client_credentials").status())
                .isEqualTo(401);
        Grant unconfigured = grant("Basic " + basic("sandbox-tools", ""), "grant_type=client_credentials");
        assertThat(unconfigured.status()).isEqualTo(401);
        assertThat(unconfigured.body()).contains("invalid_client");
        assertThat(grant(null, "grant_type=client_credentials").status()).isEqualTo(401);
        assertThat(grant("Basic " + basic(NOTIFICATION, NOTIFICATION_SECRET), "grant_type=password").status())
                .isEqualTo(400);
    }

    @Test
    void recipientsAnswerOnlyAServiceTokenWithTheirScope() {
        MerchantFixture merchant = mother.merchant();
        Portal portal = mother.portal();
        String path = "/internal/merchants/" + merchant.id() + "/recipients?permission=users.manage";

        assertRefused(portal.get(path, null), 401);
        assertRefused(portal.get(path, merchant.admin().accessToken()), 401);
        assertRefused(portal.get(path, mother.operator().accessToken()), 401);
        assertRefused(portal.get(path, AccessTokens.service(NOTIFICATION, "recipients.read")), 401);
        assertRefused(portal.get(path, expiredServiceToken()), 401);
        assertRefused(portal.get(path, userTokenNamingTheServiceAudience(merchant)), 401);
        assertRefused(portal.get(path, ServiceClientsForTests.token(mother.port(), GATEWAY, GATEWAY_SECRET)), 403);
        assertRefused(portal.get("/internal/no-such-thing", null), 404);

        Portal.Reply answered = portal.get(path, ServiceClientsForTests.token(mother.port(), NOTIFICATION, NOTIFICATION_SECRET));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains(merchant.admin().email());
    }

    @Test
    void aServiceTokenIsNoPortalUsersAccessToken() {
        String service = ServiceClientsForTests.token(mother.port(), NOTIFICATION, NOTIFICATION_SECRET);
        Portal.Reply reply = mother.portal().get("/portal/v1/users", service);
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    }

    @Test
    void introspectionRefusesAnyoneWithoutAServiceToken() {
        Portal portal = mother.portal();
        String body = Portal.json("token", "ppk_sandbox_made-up");

        assertRefused(portal.post("/internal/api-tokens/introspect", null, body), 401);
        assertRefused(portal.post("/internal/api-tokens/introspect", mother.operator().accessToken(), body), 401);
        Portal.Reply answered = portal.post("/internal/api-tokens/introspect",
                ServiceClientsForTests.token(mother.port(), GATEWAY, GATEWAY_SECRET), body);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("active").asBoolean()).isFalse();
    }

    private static void assertRefused(Portal.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).doesNotContain("@");
    }

    /** Signed by identity's own current key, well-formed, but five minutes past its end. */
    private String expiredServiceToken() {
        Instant past = Instant.now().minusSeconds(600);
        return signer.sign(new JWTClaimsSet.Builder().issuer(AccessTokenClaims.ISSUER).audience(ServiceTokenClaims.AUDIENCE)
                .subject(NOTIFICATION).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).claim(ServiceTokenClaims.SCOPE, "recipients.read").build(),
                ServiceTokenClaims.TYPE);
    }

    /** A user's kind of token (typ JWT) that claims the service audience and scope: still no service token. */
    private String userTokenNamingTheServiceAudience(MerchantFixture merchant) {
        Instant now = Instant.now();
        return signer.sign(new JWTClaimsSet.Builder().issuer(AccessTokenClaims.ISSUER).audience(ServiceTokenClaims.AUDIENCE)
                .subject(merchant.admin().userId().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim(ServiceTokenClaims.SCOPE, "recipients.read")
                .build());
    }

    private record Grant(int status, String body, String cacheControl) {
    }

    private Grant grant(String authorization, String form) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + mother.port()).post()
                .uri(ServiceTokenClaims.TOKEN_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(form).exchange((req, response) -> new Grant(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                String.valueOf(response.getHeaders().getCacheControl())));
    }

    private static String basic(String client, String secret) {
        return Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
