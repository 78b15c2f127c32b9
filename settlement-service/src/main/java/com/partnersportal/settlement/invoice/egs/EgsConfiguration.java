package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ZatcaProperties.class)
class EgsConfiguration {

    /** Public, for sandboxes only: production refuses to start without a key of its own. */
    static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LXphdGNhLWtleS1ub3Qtc2VjciE=";

    /** The EGS unit's secrets at rest (its private stamp key, CSID tokens and their secrets). */
    @Bean
    SecretEncryption zatcaSecrets(ZatcaProperties properties, DeploymentProperties deployment) {
        if (!deployment.environment().isSandbox() && (properties.baseUrl().contains("127.0.0.1")
                || properties.baseUrl().contains("localhost") || !properties.baseUrl().startsWith("https://"))) {
            throw new IllegalStateException("portal.settlement.zatca.base-url (PORTAL_SETTLEMENT_ZATCA_BASE_URL) must be "
                    + "ZATCA's Fatoora API over HTTPS in production, not " + properties.baseUrl() + " (docs/zatca.md)");
        }
        return SecretEncryption.configured(properties.encryptionKey(), properties.previousEncryptionKeys(), SANDBOX_KEY,
                "portal.settlement.zatca.encryption-key", deployment.environment());
    }
}
