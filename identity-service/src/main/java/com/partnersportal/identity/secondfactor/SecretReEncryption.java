package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.encryption.SecretEncryption;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a change of the encryption key (the old one listed in {@code previous-encryption-keys}), each start
 * re-encrypts the TOTP secrets that an earlier key encrypted, so that the old key can be dropped at the next restart
 * without locking anyone out. A row is rewritten only if it still holds what was read, so replicas starting together
 * do no harm. A secret no configured key decrypts is reported (its user cannot sign in) but does not stop the start.
 */
@Component
class SecretReEncryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretReEncryption.class);

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;

    SecretReEncryption(JdbcClient jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    private record Stored(UUID id, byte[] secret) {
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Stored> rows = jdbc.sql("SELECT id, secret_encrypted FROM second_factor")
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getBytes("secret_encrypted"))).list();
        int reEncrypted = 0;
        int unreadable = 0;
        for (Stored row : rows) {
            SecretEncryption.Decrypted decrypted;
            try {
                decrypted = encryption.decrypted(row.secret(), SecondFactors.boundTo(row.id()));
            } catch (IllegalStateException e) {
                unreadable++;
                continue;
            }
            if (!decrypted.withCurrentKey()) {
                reEncrypted += jdbc.sql("""
                                UPDATE second_factor SET secret_encrypted = :fresh
                                WHERE id = :id AND secret_encrypted = :old""")
                        .param("fresh", encryption.encrypt(decrypted.plaintext(), SecondFactors.boundTo(row.id())))
                        .param("id", row.id()).param("old", row.secret()).update();
            }
        }
        if (unreadable > 0) {
            log.error("{} TOTP secret(s) cannot be decrypted with the configured encryption keys: their users cannot "
                    + "sign in until the key that encrypted them is listed in previous-encryption-keys, or an admin "
                    + "resets their second factor", unreadable);
        }
        if (reEncrypted > 0) {
            log.info("Re-encrypted {} TOTP secret(s) with the current encryption key", reEncrypted);
        }
    }
}
