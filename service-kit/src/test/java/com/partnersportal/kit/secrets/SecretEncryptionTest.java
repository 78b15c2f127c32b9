package com.partnersportal.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretEncryptionTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String SANDBOX_KEY = Base64.getEncoder().encodeToString("sandbox-only-key-not-a-secret-!!".getBytes());
    private static final String PROPERTY = "portal.example.encryption-key";

    private static SecretEncryption configured(String key, DeploymentMode mode, String... previous) {
        return SecretEncryption.configured(key, List.of(previous), SANDBOX_KEY, PROPERTY, mode);
    }

    private static SecretEncryption configured(String key, String... previous) {
        return configured(key, DeploymentMode.PRODUCTION, previous);
    }

    /** What the services stored before this format: IV, ciphertext and tag, the binding as GCM associated data. */
    static byte[] legacySealed(String base64Key, String plaintext, String boundTo) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + ciphertext.length).put(iv).put(ciphertext).array();
    }

    @Test
    void decryptsWhatItEncryptedAndStoresNothingReadable() {
        SecretEncryption encryption = configured(KEY);

        byte[] stored = encryption.encrypt("{\"d\":\"secret\"}", "kid-1");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("v2:").doesNotContain("secret")
                .doesNotContain("kid-1");
        assertThat(encryption.decrypt(stored, "kid-1")).isEqualTo("{\"d\":\"secret\"}");
        assertThat(encryption.open(stored, "kid-1").current()).isTrue();
        assertThat(encryption.encrypt("{\"d\":\"secret\"}", "kid-1")).as("a fresh IV every time").isNotEqualTo(stored);
    }

    @Test
    void aCiphertextMovedToAnotherKeyIdOrReadWithAnotherKeyFails() {
        byte[] stored = configured(KEY).encrypt("private", "kid-1");

        assertThatThrownBy(() -> configured(KEY).decrypt(stored, "kid-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> configured(OTHER_KEY).decrypt(stored, "kid-1"))
                .hasMessageContaining("cannot be decrypted");
        byte[] tampered = stored.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> configured(KEY).decrypt(tampered, "kid-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAChangeOfEncryptionKeyWhatTheOldOneEncryptedStillDecryptsAndNewKeysUseTheNewOne() {
        byte[] old = configured(KEY).encrypt("private", "kid-1");
        SecretEncryption changed = configured(OTHER_KEY, KEY);

        assertThat(changed.decrypt(old, "kid-1")).isEqualTo("private");
        assertThat(changed.open(old, "kid-1").current()).as("to be rewritten with the new key").isFalse();
        byte[] fresh = changed.encrypt("newer", "kid-2");
        assertThat(configured(OTHER_KEY).decrypt(fresh, "kid-2")).isEqualTo("newer");
        assertThatThrownBy(() -> configured(KEY).decrypt(fresh, "kid-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatThePreviousFormatStoredStillOpensBoundToItsRowAndIsToBeRewritten() throws Exception {
        byte[] legacy = legacySealed(KEY, "JBSWY3DPEHPK3PXP", "second-factor:1");

        SecretEncryption.Opened opened = configured(KEY).open(legacy, "second-factor:1");

        assertThat(opened.text()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(opened.current()).isFalse();
        assertThat(configured(OTHER_KEY, KEY).decrypt(legacy, "second-factor:1")).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> configured(KEY).decrypt(legacy, "second-factor:2"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** What webhook-dispatcher's SecretBox stored: {@code v1:} and base64 of IV, ciphertext and tag, nothing bound. */
    static byte[] webhookBoxSealed(String base64Key, String plaintext) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ("v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ciphertext.length).put(iv)
                .put(ciphertext).array())).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void whatWebhookDispatchersSecretBoxStoredStillOpensAndIsToBeRewrittenBound() throws Exception {
        byte[] old = webhookBoxSealed(KEY, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        SecretEncryption.Opened opened = configured(KEY).open(old, "webhooks.endpoint_secret:1");

        assertThat(opened.text()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(opened.current()).isFalse();
        byte[] rewritten = configured(KEY).encrypt(opened.plaintext(), "webhooks.endpoint_secret:1");
        assertThat(configured(KEY).open(rewritten, "webhooks.endpoint_secret:1").current()).isTrue();
        assertThatThrownBy(() -> configured(OTHER_KEY).decrypt(old, "webhooks.endpoint_secret:1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionRefusesToStartWithoutAKeyAndASandboxUsesTheDevelopmentKey() {
        assertThatThrownBy(() -> configured("", DeploymentMode.PRODUCTION))
                .hasMessageContaining("must be set").hasMessageContaining("PORTAL_EXAMPLE_ENCRYPTION_KEY");
        assertThat(configured(null, DeploymentMode.SANDBOX).decrypt(
                configured("", DeploymentMode.SANDBOX).encrypt("x", "k"), "k")).isEqualTo("x");
        assertThatThrownBy(() -> configured("c2hvcnQ=", DeploymentMode.PRODUCTION)).hasMessageContaining("32 bytes");
    }
}
