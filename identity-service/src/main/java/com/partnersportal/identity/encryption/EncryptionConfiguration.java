package com.partnersportal.identity.encryption;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.secrets.SecretEncryption;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SecretEncryption} of the service, under the keys of {@code portal.identity.signing-keys.*}. */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    /** Public, for sandboxes only: a production deployment without its own key refuses to start. */
    private static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtISE=";

    /**
     * @param encryptionKey          base64 of 32 bytes: the AES-256 key that encrypts identity's secrets at rest (the
     *                               name is historical: it first encrypted only the signing keys)
     * @param previousEncryptionKeys keys that encrypted secrets before the current one: still tried when decrypting
     */
    @ConfigurationProperties("portal.identity.signing-keys")
    record EncryptionKeyProperties(String encryptionKey, List<String> previousEncryptionKeys) {

        EncryptionKeyProperties {
            previousEncryptionKeys = previousEncryptionKeys == null ? List.of() : List.copyOf(previousEncryptionKeys);
        }
    }

    @Bean
    SecretEncryption secretEncryption(EncryptionKeyProperties keys, DeploymentProperties deployment) {
        return SecretEncryption.configured(keys.encryptionKey(), keys.previousEncryptionKeys(), SANDBOX_KEY,
                "portal.identity.signing-keys.encryption-key", deployment.environment());
    }
}
