package com.partnersportal.identity.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretEncryptionTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void decryptsWhatItEncryptedAndStoresNothingReadable() {
        SecretEncryption encryption = SecretEncryption.configured(KEY, DeploymentMode.PRODUCTION);

        byte[] stored = encryption.encrypt("{\"d\":\"secret\"}", "kid-1");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(encryption.decrypt(stored, "kid-1")).isEqualTo("{\"d\":\"secret\"}");
        assertThat(encryption.encrypt("{\"d\":\"secret\"}", "kid-1")).as("a fresh IV every time").isNotEqualTo(stored);
    }

    @Test
    void aCiphertextMovedToAnotherKeyIdOrReadWithAnotherKeyFails() {
        byte[] stored = SecretEncryption.configured(KEY, DeploymentMode.PRODUCTION).encrypt("private", "kid-1");

        assertThatThrownBy(() -> SecretEncryption.configured(KEY, DeploymentMode.PRODUCTION).decrypt(stored, "kid-2"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretEncryption.configured(OTHER_KEY, DeploymentMode.PRODUCTION).decrypt(stored, "kid-1"))
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void afterAChangeOfEncryptionKeyWhatTheOldOneEncryptedStillDecryptsAndNewKeysUseTheNewOne() {
        byte[] old = SecretEncryption.configured(KEY, DeploymentMode.PRODUCTION).encrypt("private", "kid-1");
        SecretEncryption changed = SecretEncryption.configured(OTHER_KEY, java.util.List.of(KEY), DeploymentMode.PRODUCTION);

        assertThat(changed.decrypt(old, "kid-1")).isEqualTo("private");
        byte[] fresh = changed.encrypt("newer", "kid-2");
        assertThat(SecretEncryption.configured(OTHER_KEY, DeploymentMode.PRODUCTION).decrypt(fresh, "kid-2")).isEqualTo("newer");
        assertThatThrownBy(() -> SecretEncryption.configured(KEY, DeploymentMode.PRODUCTION).decrypt(fresh, "kid-2"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionRefusesToStartWithoutAKeyAndASandboxUsesTheDevelopmentKey() {
        assertThatThrownBy(() -> SecretEncryption.configured("", DeploymentMode.PRODUCTION))
                .hasMessageContaining("must be set");
        assertThat(SecretEncryption.configured(null, DeploymentMode.SANDBOX).decrypt(
                SecretEncryption.configured("", DeploymentMode.SANDBOX).encrypt("x", "k"), "k")).isEqualTo("x");
        assertThatThrownBy(() -> SecretEncryption.configured("c2hvcnQ=", DeploymentMode.PRODUCTION))
                .hasMessageContaining("32 bytes");
    }
}
