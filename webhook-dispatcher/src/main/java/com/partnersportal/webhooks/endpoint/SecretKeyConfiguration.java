package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.webhooks.settings.WebhookProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts signing secrets and notification tokens at rest ({@code portal.webhooks.secret-key},
 * PORTAL_WEBHOOKS_SECRET_KEY: base64 of 32 bytes), through service-kit's {@link SecretEncryption}. A sandbox without
 * one uses the fixed development key it always used; production refuses to start without one.
 */
@Configuration
class SecretKeyConfiguration {

    /** The SHA-256 of "partners-portal sandbox webhook secrets": the sandbox key of before, so old rows still open. */
    static final String SANDBOX_KEY = "zDKWFJMDYxm3xwKy95UcBhOYH6rkEB81awRCRJUxMpk=";

    @Bean
    SecretEncryption secretEncryption(WebhookProperties properties, DeploymentProperties deployment) {
        return SecretEncryption.configured(properties.secretKey(), List.of(), SANDBOX_KEY, "portal.webhooks.secret-key",
                deployment.environment());
    }
}
