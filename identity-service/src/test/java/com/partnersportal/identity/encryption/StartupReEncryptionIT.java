package com.partnersportal.identity.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.secrets.SecretEncryption;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A start rewrites the TOTP secrets that an old key or the old format sealed, with the current key and format. */
@IdentityIntegrationTest
class StartupReEncryptionIT {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityMother mother;

    private static SecretEncryption encryption(String key, String... previous) {
        return SecretEncryption.configured(key, List.of(previous), NEW_KEY, "portal.identity.signing-keys.encryption-key",
                DeploymentMode.PRODUCTION);
    }

    @Test
    void secretsEncryptedWithAPreviousKeyAreRewrittenWithTheCurrentOne() {
        UUID factorId = UUID.randomUUID();
        storedFactor(factorId, encryption(OLD_KEY).encrypt(TOTP_SECRET, SecondFactors.boundTo(factorId)));

        new StartupReEncryption(jdbc, encryption(NEW_KEY, OLD_KEY)).run(null);

        assertThat(encryption(NEW_KEY).decrypt(stored(factorId), SecondFactors.boundTo(factorId))).isEqualTo(TOTP_SECRET);
        forget(factorId);
    }

    @Test
    void aSecretStoredInThePreviousFormatIsReadAndRewrittenInTheCurrentOne() throws Exception {
        UUID factorId = UUID.randomUUID();
        byte[] legacy = legacySealed(NEW_KEY, TOTP_SECRET, SecondFactors.boundTo(factorId));
        storedFactor(factorId, legacy);
        assertThat(encryption(NEW_KEY).decrypt(legacy, SecondFactors.boundTo(factorId))).as("read as it is")
                .isEqualTo(TOTP_SECRET);

        new StartupReEncryption(jdbc, encryption(NEW_KEY)).run(null);

        byte[] rewritten = stored(factorId);
        assertThat(new String(rewritten, StandardCharsets.ISO_8859_1)).startsWith("v2:");
        SecretEncryption.Opened opened = encryption(NEW_KEY).open(rewritten, SecondFactors.boundTo(factorId));
        assertThat(opened.text()).isEqualTo(TOTP_SECRET);
        assertThat(opened.current()).isTrue();
        forget(factorId);
    }

    private void storedFactor(UUID factorId, byte[] secret) {
        jdbc.sql("""
                        INSERT INTO second_factor (id, user_id, status, secret_encrypted, created_at)
                        VALUES (:id, :userId, 'pending', :secret, now())""")
                .param("id", factorId).param("userId", mother.merchant().admin().userId()).param("secret", secret)
                .update();
    }

    private byte[] stored(UUID factorId) {
        return jdbc.sql("SELECT secret_encrypted FROM second_factor WHERE id = :id").param("id", factorId)
                .query(byte[].class).single();
    }

    private void forget(UUID factorId) {
        jdbc.sql("DELETE FROM second_factor WHERE id = :id").param("id", factorId).update();
    }

    /** How identity stored a secret before the current format: IV, ciphertext and tag, the binding as associated data. */
    private static byte[] legacySealed(String base64Key, String plaintext, String boundTo) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + ciphertext.length).put(iv).put(ciphertext).array();
    }
}
