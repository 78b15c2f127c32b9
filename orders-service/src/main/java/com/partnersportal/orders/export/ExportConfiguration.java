package com.partnersportal.orders.export;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.links.SignedLinks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    /** The sandbox's well-known secret, refused in production so that nobody can forge a link there. */
    static final String SANDBOX_SECRET = "sandbox-only-export-link-secret";

    /** Download links of finished exports, signed over the export's id. */
    @Bean
    SignedLinks exportLinks(ExportProperties properties, DeploymentProperties deployment, Clock clock) {
        return SignedLinks.configured(properties.publicBaseUrl(), properties.linkSecret(), SANDBOX_SECRET,
                "portal.orders.exports.link-secret (PORTAL_ORDERS_EXPORTS_LINK_SECRET)", properties.retention(), clock,
                deployment.environment());
    }

    static String downloadPath(UUID exportId) {
        return "/downloads/order-exports/" + exportId;
    }
}
