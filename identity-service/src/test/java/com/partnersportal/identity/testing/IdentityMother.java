package com.partnersportal.identity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.identity.password.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes what tests need, through the service's own HTTP API wherever it can: an operator (the one thing inserted
 * directly, as the demo seed does), merchants with a Saudi and an Emirati legal entity, their first admin (invited
 * by the operator and activated through the emailed link), and team members of any role.
 */
@TestComponent
public class IdentityMother {

    public static final String PASSWORD_PREFIX = "Sturdy-Lantern-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PasswordHasher hasher;
    private final Environment environment;
    private Member operator;

    IdentityMother(JdbcClient jdbc, PasswordHasher hasher, Environment environment) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.environment = environment;
    }

    /** A signed-in person: their id, credentials and tokens. */
    public record Member(UUID userId, String email, String password, String accessToken, String refreshToken) {
    }

    /** A merchant with a Saudi and an Emirati legal entity and its first admin. */
    public record MerchantFixture(UUID id, UUID ksaEntity, UUID uaeEntity, Member admin) {
    }

    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public Portal portal() {
        return new Portal(port());
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    public static String strongPassword() {
        return PASSWORD_PREFIX + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String saudiRegistration() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** The provider's operator, signed in afresh. */
    public synchronized Member operator() {
        if (operator == null) {
            UUID id = UUID.randomUUID();
            String email = uniqueEmail("operator");
            String password = strongPassword();
            jdbc.sql("""
                            INSERT INTO app_user (id, merchant_id, email, full_name, role, password_hash, status, locale,
                                                  created_at, version)
                            VALUES (:id, NULL, :email, 'Test Operator', 'operator', :hash, 'ACTIVE', 'en', now(), 0)""")
                    .param("id", id).param("email", email).param("hash", hasher.hash(password)).update();
            operator = new Member(id, email, password, null, null);
        }
        return signIn(operator.email(), operator.password());
    }

    public Member signIn(String email, String password) {
        Portal.Reply reply = portal().signIn(email, password);
        assertThat(reply.status()).as("sign-in of %s: %s", email, reply.body()).isEqualTo(200);
        JsonNode tokens = reply.json();
        UUID userId = UUID.fromString(jdbc.sql("SELECT id FROM app_user WHERE lower(email) = lower(:email)")
                .param("email", email).query(String.class).single());
        return new Member(userId, email, password, tokens.get("access_token").asString(),
                tokens.get("refresh_token").asString());
    }

    public MerchantFixture merchant() {
        String operatorToken = operator().accessToken();
        Portal portal = portal();
        Portal.Reply merchant = portal.post("/operator/v1/merchants", operatorToken,
                Portal.json("name_en", "Shop " + UUID.randomUUID(), "name_ar", "متجر"));
        assertThat(merchant.status()).as(merchant.body()).isEqualTo(201);
        UUID merchantId = UUID.fromString(merchant.json().get("id").asString());
        UUID ksa = legalEntity(merchantId, ksaEntity());
        UUID uae = legalEntity(merchantId, Portal.json("legal_name_en", "Shop FZ-LLC", "legal_name_ar", "متجر م.م.ح",
                "country_code", "AE", "commercial_registration", "DMCC-" + saudiRegistration(),
                "address", "JLT, Dubai"));
        Portal.Reply invited = portal.post("/operator/v1/merchants/" + merchantId + "/admins", operatorToken,
                Portal.json("email", uniqueEmail("admin"), "full_name", "First Admin", "locale", "en"));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        Member admin = activate(UUID.fromString(invited.json().get("id").asString()));
        return new MerchantFixture(merchantId, ksa, uae, admin);
    }

    public static String ksaEntity() {
        return Portal.json("legal_name_en", "Shop Trading Co.", "legal_name_ar", "شركة المتجر للتجارة",
                "country_code", "SA", "currency", "SAR", "commercial_registration", saudiRegistration(),
                "vat_number", "310000000000003", "address", "King Fahd Road, Riyadh");
    }

    public UUID legalEntity(UUID merchantId, String body) {
        Portal.Reply entity = portal().post("/operator/v1/merchants/" + merchantId + "/legal-entities",
                operator().accessToken(), body);
        assertThat(entity.status()).as(entity.body()).isEqualTo(201);
        return UUID.fromString(entity.json().get("id").asString());
    }

    /** Invites a member of this role (as the merchant's admin), who activates their account and signs in. */
    public Member member(MerchantFixture merchant, String role) {
        return member(merchant, role, List.of());
    }

    public Member member(MerchantFixture merchant, String role, List<UUID> legalEntityIds) {
        UUID userId = invite(merchant, uniqueEmail(role), role, legalEntityIds);
        return activate(userId);
    }

    /** Invites a user; returns their id. */
    public UUID invite(MerchantFixture merchant, String email, String role, List<UUID> legalEntityIds) {
        Portal.Reply invited = portal().post("/portal/v1/users", merchant.admin().accessToken(), Portal.json(
                "email", email, "full_name", "Member " + role, "locale", "ar", "role", role,
                "legal_entity_ids", legalEntityIds));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return UUID.fromString(invited.json().get("id").asString());
    }

    /** Follows the latest activation link the user was sent, sets a password and signs in. */
    public Member activate(UUID userId) {
        String password = strongPassword();
        Portal.Reply activated = portal().post("/auth/v1/activation", null,
                Portal.json("token", activationTokenOf(userId), "password", password));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        return signIn(activated.json().get("email").asString(), password);
    }

    /** The activation secret of the latest UserInvited event for the user, as the outbox holds it. */
    public String activationTokenOf(UUID userId) {
        return latestEvent(userId, UserInvited.TYPE).get("activation_token").asString();
    }

    public String resetTokenOf(UUID userId) {
        return latestEvent(userId, PasswordResetRequested.TYPE).get("reset_token").asString();
    }

    public long eventsOf(UUID userId, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = :key AND event_type = :type")
                .param("key", userId.toString()).param("type", type).query(Long.class).single();
    }

    public JsonNode latestEvent(UUID userId, String type) {
        byte[] payload = jdbc.sql("""
                        SELECT payload FROM outbox_event WHERE message_key = :key AND event_type = :type
                        ORDER BY position DESC LIMIT 1""")
                .param("key", userId.toString()).param("type", type).query(byte[].class).single();
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    public long auditEntries(UUID merchantId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE merchant_id = :m AND action = :a")
                .param("m", merchantId).param("a", action).query(Long.class).single();
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.param((String) params[i], params[i + 1]);
        }
        return spec.query().listOfRows();
    }

    public Map<String, Object> row(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.param((String) params[i], params[i + 1]);
        }
        return spec.query().singleRow();
    }
}
