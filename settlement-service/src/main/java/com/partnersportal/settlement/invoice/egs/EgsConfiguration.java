package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ZatcaProperties.class)
class EgsConfiguration {

    @Bean
    CredentialVault credentialVault(ZatcaProperties properties, DeploymentProperties deployment) {
        if (!deployment.environment().isSandbox() && (properties.baseUrl().contains("127.0.0.1")
                || properties.baseUrl().contains("localhost") || !properties.baseUrl().startsWith("https://"))) {
            throw new IllegalStateException("portal.settlement.zatca.base-url (PORTAL_SETTLEMENT_ZATCA_BASE_URL) must be "
                    + "ZATCA's Fatoora API over HTTPS in production, not " + properties.baseUrl() + " (docs/zatca.md)");
        }
        return CredentialVault.configured(properties.encryptionKey(), properties.previousEncryptionKeys(),
                deployment.environment());
    }
}
