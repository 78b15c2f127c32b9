package com.partnersportal.settlement.links;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.links.SignedLinks;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DownloadLinksConfiguration.DownloadProperties.class)
class DownloadLinksConfiguration {

    /** The sandbox's well-known secret, refused in production so that nobody can forge a link there. */
    static final String SANDBOX_SECRET = "sandbox-only-settlement-link-secret";

    /**
     * {@code portal.settlement.downloads}: the address mailed links point at (the gateway), the secret that signs
     * them (required in production) and how long they work.
     */
    @ConfigurationProperties("portal.settlement.downloads")
    record DownloadProperties(@DefaultValue("http://127.0.0.1:8080") String publicBaseUrl, String linkSecret,
            @DefaultValue("14d") Duration linkTtl) {
    }

    /** Download links of reports and invoices, signed over their path. */
    @Bean
    SignedLinks downloadLinks(DownloadProperties properties, DeploymentProperties deployment, Clock clock) {
        return SignedLinks.configured(properties.publicBaseUrl(), properties.linkSecret(), SANDBOX_SECRET,
                "portal.settlement.downloads.link-secret (PORTAL_SETTLEMENT_DOWNLOADS_LINK_SECRET)", properties.linkTtl(),
                clock, deployment.environment());
    }
}
