package com.partnersportal.orders.export;

import com.partnersportal.kit.deployment.DeploymentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    /** The sandbox's well-known secret, refused in production so that nobody can forge a link there. */
    static final String SANDBOX_SECRET = "sandbox-only-export-link-secret";

    @Bean
    DownloadLinks downloadLinks(ExportProperties properties, DeploymentProperties deployment) {
        String secret = properties.linkSecret() == null || properties.linkSecret().isBlank() ? null : properties.linkSecret();
        if (!deployment.environment().isSandbox() && (secret == null || secret.length() < 32 || SANDBOX_SECRET.equals(secret))) {
            throw new IllegalStateException(
                    "Set portal.orders.exports.link-secret (PORTAL_ORDERS_EXPORTS_LINK_SECRET) to 32+ random characters in production");
        }
        return new DownloadLinks(properties.publicBaseUrl(), secret == null ? SANDBOX_SECRET : secret);
    }
}
