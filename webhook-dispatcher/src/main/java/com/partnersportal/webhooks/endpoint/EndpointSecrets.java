package com.partnersportal.webhooks.endpoint;

import com.partnersportal.webhooks.settings.WebhookProperties;
import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.webhooks.signing.StandardWebhooks;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoints' signing secrets and merchants' notification tokens, encrypted at rest. A rotation keeps the previous
 * secret signing for the overlap (24 h by default), so receivers can switch without losing a delivery.
 */
@Service
public class EndpointSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;
    private final Clock clock;
    private final WebhookProperties properties;

    EndpointSecrets(JdbcClient jdbc, SecretEncryption encryption, Clock clock, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
        this.properties = properties;
    }

    void createFirst(UUID endpointId) {
        insert(endpointId, StandardWebhooks.newSecret());
    }

    /** The secret receivers verify with now (the newest). */
    public String current(UUID endpointId) {
        return signing(endpointId).getFirst();
    }

    /** Every secret that signs a delivery now, newest first. */
    public List<String> signing(UUID endpointId) {
        return jdbc.sql("""
                        SELECT secret FROM endpoint_secret WHERE endpoint_id = :id AND (expires_at IS NULL OR expires_at > :now)
                        ORDER BY id DESC""")
                .param("id", endpointId).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getBytes(1)).list().stream()
                .map(secret -> encryption.decrypt(secret, secretBoundTo(endpointId))).toList();
    }

    /** A new secret; the ones in use keep signing until the overlap ends. Returns the new secret and that end. */
    @Transactional
    public Rotation rotate(UUID endpointId) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.secretOverlap());
        jdbc.sql("""
                        UPDATE endpoint_secret SET expires_at = :until
                        WHERE endpoint_id = :id AND (expires_at IS NULL OR expires_at > :until)""")
                .param("until", Timestamp.from(until)).param("id", endpointId).update();
        String secret = StandardWebhooks.newSecret();
        insert(endpointId, secret);
        return new Rotation(secret, until);
    }

    public record Rotation(String secret, Instant previousExpiresAt) {
    }

    /** The merchant's notification token (the tamaraToken's key), made on first use. */
    @Transactional
    public String notificationToken(UUID merchantId) {
        jdbc.sql("""
                        INSERT INTO merchant_notification_token (merchant_id, token, created_at) VALUES (:m, :token, :now)
                        ON CONFLICT DO NOTHING""")
                .param("m", merchantId).param("token", encryption.encrypt(newToken(), tokenBoundTo(merchantId)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return encryption.decrypt(jdbc.sql("SELECT token FROM merchant_notification_token WHERE merchant_id = :m")
                .param("m", merchantId).query((rs, n) -> rs.getBytes(1)).single(), tokenBoundTo(merchantId));
    }

    @Transactional
    public String rotateNotificationToken(UUID merchantId) {
        String token = newToken();
        jdbc.sql("""
                        INSERT INTO merchant_notification_token (merchant_id, token, created_at) VALUES (:m, :token, :now)
                        ON CONFLICT (merchant_id) DO UPDATE SET token = EXCLUDED.token, created_at = EXCLUDED.created_at""")
                .param("m", merchantId).param("token", encryption.encrypt(token, tokenBoundTo(merchantId)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    private void insert(UUID endpointId, String secret) {
        jdbc.sql("INSERT INTO endpoint_secret (endpoint_id, secret, created_at) VALUES (:id, :secret, :now)")
                .param("id", endpointId).param("secret", encryption.encrypt(secret, secretBoundTo(endpointId)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** What an endpoint's signing secrets are bound to at rest: they open only as that endpoint's. */
    public static String secretBoundTo(UUID endpointId) {
        return "webhooks.endpoint_secret:" + endpointId;
    }

    /** What a merchant's notification token is bound to at rest. */
    public static String tokenBoundTo(UUID merchantId) {
        return "webhooks.merchant_notification_token:" + merchantId;
    }

    private static String newToken() {
        byte[] bytes = new byte[36];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
