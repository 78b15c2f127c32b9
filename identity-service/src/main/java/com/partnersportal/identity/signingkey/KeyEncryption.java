package com.partnersportal.identity.signingkey;

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
 * Encrypts a signing key's private half with AES-256-GCM under the configured key; the key id is bound in as
 * associated data, so a ciphertext cannot be moved to another key's row. Stored as IV (12 bytes) then ciphertext.
 */
final class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    /** Public, for sandboxes only: a production deployment without its own key refuses to start. */
    private static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtISE=";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous;

    private KeyEncryption(SecretKeySpec key, List<SecretKeySpec> previous) {
        this.key = key;
        this.previous = previous;
    }

    static KeyEncryption configured(String base64Key, DeploymentMode mode) {
        return configured(base64Key, List.of(), mode);
    }

    /** Encrypts with {@code base64Key}; decrypts with it or, failing that, with one of the previous keys. */
    static KeyEncryption configured(String base64Key, List<String> previousBase64Keys, DeploymentMode mode) {
        String chosen = base64Key;
        if (chosen == null || chosen.isBlank()) {
            if (!mode.isSandbox()) {
                throw new IllegalStateException("portal.identity.signing-keys.encryption-key "
                        + "(PORTAL_IDENTITY_SIGNING_KEYS_ENCRYPTION_KEY) must be set: base64 of 32 random bytes");
            }
            log.warn("No signing-key encryption key configured; using the sandbox's public development key");
            chosen = SANDBOX_KEY;
        }
        return new KeyEncryption(aesKey(chosen, "encryption-key"),
                previousBase64Keys.stream().map(previous -> aesKey(previous, "previous-encryption-keys")).toList());
    }

    private static SecretKeySpec aesKey(String chosen, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chosen.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.identity.signing-keys." + property + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("portal.identity.signing-keys." + property
                    + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(String plaintext, String kid) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt signing key " + kid, e);
        }
    }

    String decrypt(byte[] stored, String kid) {
        GeneralSecurityException failure = null;
        for (SecretKeySpec candidate : Stream.concat(Stream.of(key), previous.stream()).toList()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
                cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("Signing key " + kid + " cannot be decrypted with the configured "
                + "portal.identity.signing-keys.encryption-key nor a previous one (was the key changed?)", failure);
    }
}
