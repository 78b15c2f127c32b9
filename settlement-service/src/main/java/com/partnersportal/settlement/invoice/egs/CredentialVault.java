package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the EGS unit's secrets at rest (its private stamp key, CSID tokens and their secrets) with AES-256-GCM
 * under {@code portal.settlement.zatca.encryption-key}. The row id and the column are bound in as associated data,
 * so a ciphertext cannot be moved to another row or field. Stored as the 12-byte IV, then the ciphertext and tag.
 * Decryption also tries {@code previous-encryption-keys}, so the key can be rotated.
 */
final class CredentialVault {

    private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);
    /** Public, for sandboxes only: production refuses to start without a key of its own. */
    static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LXphdGNhLWtleS1ub3Qtc2VjciE=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous;

    private CredentialVault(SecretKeySpec key, List<SecretKeySpec> previous) {
        this.key = key;
        this.previous = previous;
    }

    static CredentialVault configured(String base64Key, List<String> previousKeys, DeploymentMode mode) {
        String chosen = base64Key;
        if (chosen == null || chosen.isBlank()) {
            if (!mode.isSandbox()) {
                throw new IllegalStateException("portal.settlement.zatca.encryption-key (PORTAL_SETTLEMENT_ZATCA_ENCRYPTION_KEY) "
                        + "must be set in production: base64 of 32 random bytes");
            }
            log.warn("No ZATCA credential encryption key configured; using the sandbox's public development key");
            chosen = SANDBOX_KEY;
        }
        return new CredentialVault(aes(chosen), previousKeys.stream().map(CredentialVault::aes).toList());
    }

    private static SecretKeySpec aes(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.settlement.zatca.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("portal.settlement.zatca.encryption-key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    byte[] seal(byte[] plain, String binding) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + binding, e);
        }
    }

    byte[] seal(String plain, String binding) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), binding);
    }

    byte[] open(byte[] stored, String binding) {
        GeneralSecurityException failure = null;
        for (SecretKeySpec candidate : Stream.concat(Stream.of(key), previous.stream()).toList()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(128, stored, 0, 12));
                cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(stored, 12, stored.length - 12);
            } catch (GeneralSecurityException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(binding + " cannot be decrypted with portal.settlement.zatca.encryption-key "
                + "nor a previous key (was the key changed?)", failure);
    }

    String openText(byte[] stored, String binding) {
        return new String(open(stored, binding), StandardCharsets.UTF_8);
    }
}
