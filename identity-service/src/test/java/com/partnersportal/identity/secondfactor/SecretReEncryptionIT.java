package com.partnersportal.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.encryption.SecretEncryption;
import com.partnersportal.identity.testing.IdentityIT;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.kit.deployment.DeploymentMode;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After the encryption key changed, a start re-encrypts the TOTP secrets that the old key encrypted. */
@IdentityIT
class SecretReEncryptionIT {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityMother mother;

    @Test
    void secretsEncryptedWithAPreviousKeyAreRewrittenWithTheCurrentOne() {
        UUID userId = mother.merchant().admin().userId();
        UUID factorId = UUID.randomUUID();
        SecretEncryption old = SecretEncryption.configured(OLD_KEY, DeploymentMode.PRODUCTION);
        jdbc.sql("""
                        INSERT INTO second_factor (id, user_id, status, secret_encrypted, created_at)
                        VALUES (:id, :userId, 'pending', :secret, now())""")
                .param("id", factorId).param("userId", userId)
                .param("secret", old.encrypt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", SecondFactors.boundTo(factorId))).update();
        SecretEncryption changed = SecretEncryption.configured(NEW_KEY, List.of(OLD_KEY), DeploymentMode.PRODUCTION);

        new SecretReEncryption(jdbc, changed).run(null);

        byte[] stored = jdbc.sql("SELECT secret_encrypted FROM second_factor WHERE id = :id").param("id", factorId)
                .query(byte[].class).single();
        SecretEncryption newOnly = SecretEncryption.configured(NEW_KEY, DeploymentMode.PRODUCTION);
        assertThat(newOnly.decrypt(stored, SecondFactors.boundTo(factorId))).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        jdbc.sql("DELETE FROM second_factor WHERE id = :id").param("id", factorId).update();
    }
}
