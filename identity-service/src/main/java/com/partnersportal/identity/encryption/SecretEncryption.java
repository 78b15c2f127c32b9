package com.partnersportal.identity.encryption;

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
 * Encrypts identity's secrets at rest (signing keys' private halves, TOTP secrets) with AES-256-GCM under the
 * configured key ({@code portal.identity.signing-keys.encryption-key}). What the secret belongs to (a key id, a
 * second factor's id) is bound in as associated data, so a ciphertext cannot be moved to another row. Stored as IV
 * (12 bytes) then ciphertext. Earlier keys still decrypt, so the key can change (docs/identity.md).
 */
public final class SecretEncryption {

    private static final Logger log = LoggerFactory.getLogger(SecretEncryption.class);
    /** Public, for sandboxes only: a production deployment without its own key refuses to start. */
    private static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtISE=";
    private static final String PROPERTY = "portal.identity.signing-keys.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous;

    private SecretEncryption(SecretKeySpec key, List<SecretKeySpec> previous) {
        this.key = key;
        this.previous = previous;
    }

    public static SecretEncryption configured(String base64Key, DeploymentMode mode) {
        return configured(base64Key, List.of(), mode);
    }

    /** Encrypts with {@code base64Key}; decrypts with it or, failing that, with one of the previous keys. */
    public static SecretEncryption configured(String base64Key, List<String> previousBase64Keys, DeploymentMode mode) {
        String chosen = base64Key;
        if (chosen == null || chosen.isBlank()) {
            if (!mode.isSandbox()) {
                throw new IllegalStateException(PROPERTY + "encryption-key "
                        + "(PORTAL_IDENTITY_SIGNING_KEYS_ENCRYPTION_KEY) must be set: base64 of 32 random bytes");
            }
            log.warn("No encryption key configured for identity's secrets; using the sandbox's public development key");
            chosen = SANDBOX_KEY;
        }
        return new SecretEncryption(aesKey(chosen, "encryption-key"),
                previousBase64Keys.stream().map(previous -> aesKey(previous, "previous-encryption-keys")).toList());
    }

    private static SecretKeySpec aesKey(String chosen, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chosen.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + property + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(PROPERTY + property + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** @param boundTo what the secret belongs to (associated data): the same value must be given to decrypt it */
    public byte[] encrypt(String plaintext, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the secret of " + boundTo, e);
        }
    }

    public String decrypt(byte[] stored, String boundTo) {
        return decrypted(stored, boundTo).plaintext();
    }

    /** A decrypted secret, and whether the current key (rather than a previous one) had encrypted it. */
    public record Decrypted(String plaintext, boolean withCurrentKey) {
    }

    public Decrypted decrypted(byte[] stored, String boundTo) {
        GeneralSecurityException failure = null;
        for (SecretKeySpec candidate : Stream.concat(Stream.of(key), previous.stream()).toList()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
                String plaintext = new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES),
                        StandardCharsets.UTF_8);
                return new Decrypted(plaintext, candidate == key);
            } catch (GeneralSecurityException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("The secret of " + boundTo + " cannot be decrypted with the configured "
                + PROPERTY + "encryption-key nor a previous one (was the key changed?)", failure);
    }
}
