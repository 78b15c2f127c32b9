package com.partnersportal.identity.encryption;

import com.partnersportal.identity.secondfactor.SecondFactors;
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
 * After a change of the encryption key (the old one listed in {@code previous-encryption-keys}) or of the stored format,
 * each start rewrites the TOTP secrets and signing keys still sealed the old way, so the old key can be dropped at the
 * next restart without locking anyone out. A secret no configured key decrypts is reported (its user cannot sign in)
 * but does not stop the start.
 */
@Component
class StartupReEncryption implements ApplicationRunner {

    private static final List<SecretColumn> SECRETS = List.of(
            new SecretColumn("second_factor", "id", "secret_encrypted", id -> SecondFactors.boundTo((UUID) id)),
            new SecretColumn("signing_key", "kid", "private_key_encrypted", String::valueOf));

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;

    StartupReEncryption(JdbcClient jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecretReEncryption.rewriteStaleAndLog(jdbc, encryption, SECRETS, "list the key that encrypted them in "
                + "previous-encryption-keys (a user whose TOTP secret it is cannot sign in until then, or until an admin "
                + "resets their second factor)");
    }
}
