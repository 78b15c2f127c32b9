package com.partnersportal.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(properties = {"portal.environment=sandbox", "portal.demo.seed-file=target/demo-seed-it/credentials.json"})
class DemoSeedIT {

    private static final Path FILE = Path.of("target/demo-seed-it/credentials.json");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeed seed;

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
                .param("m", java.util.UUID.fromString(merchantId)).query(String.class).single())
                .matches("3\\d{13}3");

        String password = credentials.get("admin").get("password").asString();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE email = :email")
                .param("email", credentials.get("admin").get("email").asString()).query(String.class).single();
        assertThat(new BCryptPasswordEncoder().matches(password, hash)).isTrue();

        String token = credentials.get("api_token").get("token").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", com.partnersportal.identity.apitoken.ApiTokensTestAccess.sha256(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :token")
                .param("token", token).query(Long.class).single()).as("the secret itself is never stored").isZero();
        assertThat(Files.getPosixFilePermissions(FILE)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
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
    }
}
