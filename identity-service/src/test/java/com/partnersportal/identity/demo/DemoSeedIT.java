package com.partnersportal.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.apitoken.ApiTokensTestAccess;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.identity.contract.MerchantRegistered;
import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.environment=sandbox", "portal.demo.seed-file=target/demo-seed-it/credentials.json"})
class DemoSeedIT {

    private static final Path FILE = Path.of("target/demo-seed-it/credentials.json");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeed seed;
    @Autowired
    PasswordHasher passwords;
    @LocalServerPort
    int port;

    @Test
    void seedsAMerchantWithAKsaAndAUaeEntityAndWritesWorkingCredentials() throws IOException {
        JsonNode credentials = JsonMapper.builder().build().readTree(Files.readString(FILE));

        String merchantId = credentials.get("merchant").get("id").asString();
        assertThat(credentials.get("environment").asString()).isEqualTo("sandbox");
        assertThat(credentials.get("legal_entities")).hasSize(2);
        assertThat(credentials.get("legal_entities").get(0).get("country_code").asString()).isEqualTo("SA");
        assertThat(credentials.get("legal_entities").get(0).get("currency").asString()).isEqualTo("SAR");
        assertThat(credentials.get("legal_entities").get(1).get("country_code").asString()).isEqualTo("AE");
        assertThat(jdbc.sql("SELECT vat_number FROM legal_entity WHERE merchant_id = :m AND country_code = 'SA'")
                .param("m", UUID.fromString(merchantId)).query(String.class).single())
                .matches("3\\d{13}3");

        String password = credentials.get("admin").get("password").asString();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE email = :email")
                .param("email", credentials.get("admin").get("email").asString()).query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches(password, hash)).isTrue();

        String token = credentials.get("api_token").get("token").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", ApiTokensTestAccess.sha256(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :token")
                .param("token", token).query(Long.class).single()).as("the secret itself is never stored").isZero();
        assertThat(Files.getPosixFilePermissions(FILE)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theSeededAdminAndOperatorSignIn() throws IOException {
        JsonNode credentials = JsonMapper.builder().build().readTree(Files.readString(FILE));
        Portal portal = new Portal(port);

        Portal.Reply admin = portal.signIn(credentials.get("admin").get("email").asString(),
                credentials.get("admin").get("password").asString());
        Portal.Reply operator = portal.signIn(credentials.get("operator").get("email").asString(),
                credentials.get("operator").get("password").asString());

        assertThat(admin.status()).isEqualTo(200);
        assertThat(portal.get("/portal/v1/legal-entities", admin.json().get("access_token").asString()).json()
                .get("legal_entities")).hasSize(2);
        assertThat(operator.status()).isEqualTo(200);
        assertThat(portal.get("/operator/v1/merchants/" + credentials.get("merchant").get("id").asString(),
                operator.json().get("access_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void theDemoMerchantIsAnnouncedOnceSoOtherServicesLearnIt() {
        seed.run(null);

        assertThat(events(MerchantRegistered.TYPE)).isEqualTo(1);
        assertThat(events(LegalEntityRegistered.TYPE)).isEqualTo(2);
    }

    @Test
    void seedingAgainKeepsOneMerchantAndRevokesTheEarlierToken() throws Exception {
        String firstToken = JsonMapper.builder().build().readTree(Files.readString(FILE)).get("api_token").get("token").asString();

        seed.run(null);

        JsonNode again = JsonMapper.builder().build().readTree(Files.readString(FILE));
        assertThat(again.get("api_token").get("token").asString()).isNotEqualTo(firstToken);
        assertThat(jdbc.sql("SELECT count(*) FROM merchant").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM legal_entity").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE revoked_at IS NULL").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(2);
    }

    private long events(String type) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :type").param("type", type)
                .query(Long.class).single();
    }
}
