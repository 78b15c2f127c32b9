package com.partnersportal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.AccessTokens;
import com.partnersportal.testsupport.TestAccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Forged, expired, unsigned and tampered tokens are refused at the gateway with a 401 problem. */
@GatewayIntegrationTest
class TokenTamperingIT {

    private static final String ORDERS = "/portal/v1/orders";
    private final UUID merchant = UUID.randomUUID();

    @Autowired
    GatewayClient gateway;

    @Test
    void aValidTokenPasses() {
        assertThat(gateway.call(HttpMethod.GET, ORDERS, viewer()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void missingGarbageExpiredUnsignedForeignAndTamperedTokensAreRefused() throws Exception {
        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, null), "unauthenticated");
        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, "not.a.jwt"), "invalid_token");

        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, AccessTokens.sign(claims()
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build())), "invalid_token");

        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, new PlainJWT(new PlainHeader(), claims().build()).serialize()),
                "invalid_token");

        SignedJWT otherKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("test-identity-1").build(),
                claims().build());
        otherKey.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, otherKey.serialize()), "invalid_token");

        SignedJWT symmetric = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        symmetric.sign(new MACSigner("a-secret-that-is-long-enough-for-hs256-0123456789"));
        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, symmetric.serialize()), "invalid_token");

        String[] parts = viewer().split("\\.");
        String richer = Base64.getUrlEncoder().withoutPadding().encodeToString(claims()
                .claim(AccessTokenClaims.PERMISSIONS, List.of("orders.view", "orders.refund")).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(gateway.call(HttpMethod.GET, ORDERS, parts[0] + "." + richer + "." + parts[2]), "invalid_token");

        SERVICES.verify(0, anyRequestedFor(urlPathMatching("/portal/v1/orders.*")));
    }

    @Test
    void aRevokedApiTokenIsRefused() {
        SERVICES.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/internal/api-tokens/introspect")
                .atPriority(0).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json").withBody("{\"active\": false}")));

        assertUnauthenticated(gateway.call(HttpMethod.POST, "/checkout", "ppk_sandbox_revoked"), "invalid_token");
    }

    private String viewer() {
        return TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
    }

    private JWTClaimsSet.Builder claims() {
        return AccessTokens.claims(UUID.randomUUID())
                .claim(AccessTokenClaims.MERCHANT_ID, merchant.toString())
                .claim(AccessTokenClaims.PERMISSIONS, List.of("orders.view"));
    }

    private static void assertUnauthenticated(ResponseEntity<String> answer, String errorCode) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(401);
        assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains("\"error_code\":\"" + errorCode + "\"");
    }
}
