package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.kit.secrets.SecretReEncryption;
import com.partnersportal.kit.secrets.SecretReEncryption.SecretColumn;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each start rewrites the signing secrets and notification tokens still sealed the old way (SecretBox's {@code v1:}
 * text, or an older key) in the kit's current format, bound to their endpoint or merchant. A secret no configured key
 * decrypts is reported (its endpoint's deliveries cannot be signed) but does not stop the start.
 */
@Component
class StartupReEncryption implements ApplicationRunner {

    private static final List<SecretColumn> SECRETS = List.of(
            new SecretColumn("endpoint_secret", "endpoint_id", "secret", id -> EndpointSecrets.secretBoundTo((UUID) id)),
            new SecretColumn("merchant_notification_token", "merchant_id", "token",
                    id -> EndpointSecrets.tokenBoundTo((UUID) id)));

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;

    StartupReEncryption(JdbcClient jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecretReEncryption.rewriteStaleAndLog(jdbc, encryption, SECRETS, "set portal.webhooks.secret-key to the key "
                + "that encrypted them (their endpoints' deliveries fail until then, or until the secret is rotated)");
    }
}
