package com.partnersportal.kit.secrets;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Secrets a service keeps at rest and must read back (identity's signing keys and TOTP secrets, the ZATCA unit's
 * private key and credentials): AES-256-GCM through spring-security-crypto's {@link AesBytesEncryptor} under the
 * configured key, keys configured as previous ones still opening what they sealed, so the key can change.
 *
 * <p>What a secret belongs to (a key id, a row and its column) is bound to its ciphertext, so it cannot be moved to
 * another row. The library takes no associated data, so the binding is sealed inside the plaintext and checked on
 * opening (ADR 25). Stored as {@code v2:}, the 12-byte IV, then the ciphertext and tag. Rows sealed before this format
 * (the IV then the ciphertext, the binding as GCM associated data, no prefix) still open, and so do webhook-dispatcher's
 * older {@code v1:} values (base64 text of the IV and ciphertext, nothing bound); {@link Opened#current()}
 * says when a row should be rewritten ({@link SecretReEncryption}).
 */
public final class SecretEncryption {

    private static final Logger log = LoggerFactory.getLogger(SecretEncryption.class);
    private static final byte[] FORMAT = "v2:".getBytes(StandardCharsets.US_ASCII);
    /** webhook-dispatcher's format before this class: {@code v1:} and base64 of the IV and ciphertext, no binding. */
    private static final byte[] TEXT_FORMAT = "v1:".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;

    private final String property;
    /** The current key first, then the previous ones. */
    private final List<Key> keys;

    private record Key(SecretKeySpec spec, BytesEncryptor aes) {

        static Key of(byte[] bytes) {
            SecretKeySpec spec = new SecretKeySpec(bytes, "AES");
            return new Key(spec, new AesBytesEncryptor(spec, KeyGenerators.secureRandom(IV_BYTES),
                    AesBytesEncryptor.CipherAlgorithm.GCM));
        }
    }

    /** A secret opened, and whether it is stored as this class writes now (current key, current format). */
    public record Opened(byte[] plaintext, boolean current) {

        public String text() {
            return new String(plaintext, StandardCharsets.UTF_8);
        }
    }

    private SecretEncryption(String property, List<Key> keys) {
        this.property = property;
        this.keys = keys;
    }

    /**
     * Seals with {@code base64Key} (32 bytes); opens with it or one of {@code previousBase64Keys}. A sandbox without a
     * key uses {@code sandboxKey}, which is public; production refuses to start without a key of its own.
     *
     * @param property the property (and environment variable) that sets the key, for the errors
     */
    public static SecretEncryption configured(String base64Key, List<String> previousBase64Keys, String sandboxKey,
            String property, DeploymentMode mode) {
        String chosen = base64Key;
        if (chosen == null || chosen.isBlank()) {
            if (!mode.isSandbox()) {
                throw new IllegalStateException("%s (%s) must be set: base64 of 32 random bytes".formatted(property,
                        property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
            }
            log.warn("{} is not set; using the sandbox's public development key", property);
            chosen = sandboxKey;
        }
        List<Key> keys = new ArrayList<>();
        keys.add(Key.of(aesKey(chosen, property)));
        previousBase64Keys.forEach(previous -> keys.add(Key.of(aesKey(previous, "a previous key of " + property))));
        return new SecretEncryption(property, List.copyOf(keys));
    }

    private static byte[] aesKey(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return bytes;
    }

    /** @param boundTo what the secret belongs to: the same value must be given to open it */
    public byte[] encrypt(byte[] plaintext, String boundTo) {
        byte[] binding = boundTo.getBytes(StandardCharsets.UTF_8);
        if (binding.length > 0xFFFF) {
            throw new IllegalArgumentException("a binding of at most 65535 bytes");
        }
        byte[] sealed = ByteBuffer.allocate(2 + binding.length + plaintext.length)
                .putShort((short) binding.length).put(binding).put(plaintext).array();
        byte[] ciphertext = keys.getFirst().aes().encrypt(sealed);
        return ByteBuffer.allocate(FORMAT.length + ciphertext.length).put(FORMAT).put(ciphertext).array();
    }

    public byte[] encrypt(String plaintext, String boundTo) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), boundTo);
    }

    /** The secret as text. */
    public String decrypt(byte[] stored, String boundTo) {
        return open(stored, boundTo).text();
    }

    public Opened open(byte[] stored, String boundTo) {
        byte[] binding = boundTo.getBytes(StandardCharsets.UTF_8);
        boolean currentFormat = stored.length > FORMAT.length
                && Arrays.equals(stored, 0, FORMAT.length, FORMAT, 0, FORMAT.length);
        for (Key key : keys) {
            byte[] plaintext = currentFormat ? opened(key, stored, binding) : null;
            if (plaintext != null) {
                return new Opened(plaintext, key == keys.getFirst());
            }
            plaintext = startsWith(stored, TEXT_FORMAT) ? openedText(key, stored) : null;
            if (plaintext == null) {
                // A binary value may begin with "v1:" by chance: it is then the binary format.
                plaintext = openedLegacy(key, stored, binding);
            }
            if (plaintext != null) {
                return new Opened(plaintext, false);
            }
        }
        throw new IllegalStateException("The secret of %s cannot be decrypted with the configured %s nor a previous key "
                .formatted(boundTo, property) + "(was the key changed?)");
    }

    /** The plaintext if this key sealed it for this binding, else null. */
    private static byte[] opened(Key key, byte[] stored, byte[] binding) {
        byte[] sealed;
        try {
            sealed = key.aes().decrypt(Arrays.copyOfRange(stored, FORMAT.length, stored.length));
        } catch (RuntimeException wrongKeyOrTampered) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        if (buffer.remaining() < 2) {
            return null;
        }
        int length = Short.toUnsignedInt(buffer.getShort());
        if (length > buffer.remaining()) {
            return null;
        }
        byte[] sealedBinding = new byte[length];
        buffer.get(sealedBinding);
        if (!MessageDigest.isEqual(sealedBinding, binding)) {
            return null;
        }
        byte[] plaintext = new byte[buffer.remaining()];
        buffer.get(plaintext);
        return plaintext;
    }

    private static boolean startsWith(byte[] stored, byte[] prefix) {
        return stored.length > prefix.length && Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** webhook-dispatcher's {@code v1:} text: base64 of the IV, then ciphertext and tag; nothing bound to it. */
    private static byte[] openedText(Key key, byte[] stored) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(Arrays.copyOfRange(stored, TEXT_FORMAT.length, stored.length));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return openedLegacy(key, sealed, null);
    }

    /** The format before this one: IV, then ciphertext and tag, the binding as GCM associated data. */
    private static byte[] openedLegacy(Key key, byte[] stored, byte[] binding) {
        if (stored.length <= IV_BYTES) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(128, stored, 0, IV_BYTES));
            if (binding != null) {
                cipher.updateAAD(binding);
            }
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
