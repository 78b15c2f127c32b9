package com.partnersportal.identity.apitoken;

import com.partnersportal.identity.testing.ServiceClientsForTests;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IdentityIntegrationTest
class ApiTokenIntrospectionIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLiveTokenNamesItsMerchantAndItsName() {
        UUID merchant = merchant();
        ApiTokens.IssuedToken issued = tokens.reissue(merchant, "Checkout integration", "sandbox");

        JsonNode answer = introspect(issued.secret());

        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("merchant_id").asString()).isEqualTo(merchant.toString());
        assertThat(answer.get("token_id").asString()).isEqualTo(issued.id().toString());
        assertThat(answer.get("name").asString()).as("how the portal's order timeline names the token")
                .isEqualTo("Checkout integration");
    }

    @Test
    void aRevokedOrUnknownTokenIsNotActiveAndNamesNoOne() {
        UUID merchant = merchant();
        ApiTokens.IssuedToken first = tokens.reissue(merchant, "Rotated", "sandbox");
        tokens.reissue(merchant, "Rotated", "sandbox");

        JsonNode revoked = introspect(first.secret());
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("merchant_id").isNull()).isTrue();
        assertThat(introspect("ppk_sandbox_made-up").get("active").asBoolean()).isFalse();
    }

    private JsonNode introspect(String token) {
        String body = RestClient.create("http://localhost:" + port).post().uri("/internal/api-tokens/introspect")
                .header("Authorization", "Bearer " + ServiceClientsForTests.token(port, ServiceClientsForTests.GATEWAY,
                        ServiceClientsForTests.GATEWAY_SECRET))
                .contentType(MediaType.APPLICATION_JSON).body("{\"token\": \"" + token + "\"}")
                .retrieve().body(String.class);
        return JsonMapper.builder().build().readTree(body);
    }

    private UUID merchant() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO merchant (id, name_en, name_ar, created_at, version) VALUES (:id, 'Shop', 'متجر', now(), 0)")
                .param("id", id).update();
        return id;
    }
}
