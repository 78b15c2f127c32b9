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
        return CredentialVault.configured(properties.encryptionKey(), properties.previousEncryptionKeys(),
                deployment.environment());
    }
}
