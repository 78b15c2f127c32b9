package com.partnersportal.settlement.invoice.egs;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.ZatcaSandboxServer;
import com.partnersportal.testsupport.TestAccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Onboarding against the ZATCA simulator (in WireMock): the sandbox onboards itself at start (compliance CSID with
 * the OTP, the three compliance checks, production CSID); operators onboard again and renew with an OTP; a refused
 * OTP changes nothing; secrets are stored encrypted.
 */
@SettlementIntegrationTest
class OnboardingIT {

    private static final String EGS = "/operator/v1/settlement/zatca/egs";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EgsUnits units;

    @Test
    void theSandboxOnboardsItselfThroughTheComplianceChecksToAProductionCsid() {
        SettlementApi api = new SettlementApi(port);
        JsonNode egs = await().atMost(Duration.ofSeconds(60)).until(
                () -> expect(api.asOperator(HttpMethod.GET, EGS, null), 200).body(), body -> !body.get("active").isNull());

        JsonNode active = egs.get("active");
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(active.get("vat_number").asString()).isEqualTo("310123456700003");
        assertThat(active.get("invoice_types").asString()).isEqualTo("1000");
        assertThat(egs.get("days_until_expiry").asLong()).isBetween(360L, 365L);
        assertThat(egs.get("renewal_due").asBoolean()).isFalse();
        List<String> documents = active.get("compliance_checks").valueStream()
                .map(check -> check.get("document").asString() + " " + check.get("http_status").asInt()).toList();
        assertThat(documents).hasSize(3).allMatch(d -> d.endsWith(" 200") || d.endsWith(" 202"))
                .anyMatch(d -> d.contains("(388)")).anyMatch(d -> d.contains("(381)")).anyMatch(d -> d.contains("(383)"));

        LoggedRequest compliance = ZatcaSandboxServer.server().findAll(postRequestedFor(urlPathEqualTo(
                "/e-invoicing/developer-portal/compliance"))).getFirst();
        assertThat(compliance.getHeader("OTP")).isEqualTo("123345");
        assertThat(compliance.getHeader("Accept-Version")).isEqualTo("V2");
        assertThat(compliance.getBodyAsString()).contains("\"csr\":\"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNU");
    }

    @Test
    void secretsAreStoredEncrypted() {
        EgsUnits.Active active = await().atMost(Duration.ofSeconds(60))
                .until(() -> units.active("developer-portal"), java.util.Optional::isPresent).orElseThrow();
        var row = jdbc.sql("SELECT private_key, production_token, production_secret FROM zatca_egs_unit WHERE id = :id")
                .param("id", active.unitId()).query((rs, n) -> List.of(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3))).single();

        assertThatThrownBy(() -> Secp256k1.privateKey(row.get(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(row.get(1), StandardCharsets.ISO_8859_1)).doesNotContain(active.csid().binarySecurityToken().substring(0, 40));
        assertThat(new String(row.get(2), StandardCharsets.ISO_8859_1)).doesNotContain(active.csid().secret());
        assertThat(active.identity().privateKey().getEncoded()).isNotEqualTo(row.get(0));
        assertThat(jdbc.sql("SELECT count(*) FROM zatca_egs_unit WHERE environment = 'developer-portal' AND status = 'ACTIVE'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void operatorsOnboardAgainAndRenewWithAnOtpAndARefusedOtpChangesNothing() {
        SettlementApi api = new SettlementApi(port);
        EgsUnits.Active before = await().atMost(Duration.ofSeconds(60))
                .until(() -> units.active("developer-portal"), java.util.Optional::isPresent).orElseThrow();

        assertThat(expect(api.asOperator(HttpMethod.POST, EGS + "/onboarding", "{\"otp\": \"12\"}"), 400).errorCode())
                .isEqualTo("invalid_field");
        assertThat(expect(api.asOperator(HttpMethod.POST, EGS + "/onboarding", "{\"otp\": \"000000\"}"), 422).errorCode())
                .isEqualTo("zatca_refused");
        assertThat(expect(api.asOperator(HttpMethod.POST, EGS + "/renewal", "{\"otp\": \"000000\"}"), 422).errorCode())
                .isEqualTo("zatca_refused");
        assertThat(units.active("developer-portal").orElseThrow().unitId()).isEqualTo(before.unitId());
        assertThat(expect(api.asUser(TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), java.util.Set.of(), java.util.Set.of()),
                HttpMethod.POST, EGS + "/renewal", "{\"otp\": \"123456\"}"), 403).status()).isEqualTo(403);

        JsonNode renewed = expect(api.asOperator(HttpMethod.POST, EGS + "/renewal", "{\"otp\": \"654321\"}"), 200).body();
        assertThat(renewed.get("status").asString()).isEqualTo("active");
        assertThat(renewed.get("renewal_of").asString()).isEqualTo(before.unitId().toString());
        EgsUnits.Active after = units.active("developer-portal").orElseThrow();
        assertThat(after.unitId()).isNotEqualTo(before.unitId());
        assertThat(after.identity().certificate().getPublicKey()).isNotEqualTo(before.identity().certificate().getPublicKey());
        LoggedRequest renewal = ZatcaSandboxServer.server().findAll(patchRequestedFor(urlPathEqualTo(
                "/e-invoicing/developer-portal/production/csids"))).getLast();
        assertThat(renewal.getHeader("OTP")).isEqualTo("654321");
        assertThat(renewal.getHeader("Authorization")).isEqualTo(before.csid().authorization());

        JsonNode again = expect(api.asOperator(HttpMethod.POST, EGS + "/onboarding", "{\"otp\": \"123345\"}"), 200).body();
        assertThat(again.get("status").asString()).isEqualTo("active");
        assertThat(again.get("renewal_of").isNull()).isTrue();
        JsonNode all = expect(api.asOperator(HttpMethod.GET, EGS, null), 200).body();
        assertThat(all.get("active").get("unit_id").asString()).isEqualTo(again.get("unit_id").asString());
        assertThat(all.get("units").valueStream().filter(u -> u.get("unit_id").asString().equals(after.unitId().toString()))
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("superseded");
    }
}
