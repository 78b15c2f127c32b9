package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.webhooks.settings.WebhookProperties;
import com.partnersportal.webhooks.signing.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts secrets at rest ({@code portal.webhooks.secret-key}, PORTAL_WEBHOOKS_SECRET_KEY). A sandbox
 * without one uses a fixed development key; production refuses to start without one.
 */
@Configuration
class SecretKeyConfiguration {

    @Bean
    SecretBox secretBox(WebhookProperties properties, DeploymentProperties deployment) throws NoSuchAlgorithmException {
        String key = properties.secretKey();
        if (key == null || key.isBlank()) {
            if (!deployment.environment().isSandbox()) {
                throw new IllegalStateException("portal.webhooks.secret-key (PORTAL_WEBHOOKS_SECRET_KEY) must be set in "
                        + "production: a base64 AES key of 16, 24 or 32 bytes that encrypts webhook secrets at rest");
            }
            return new SecretBox(MessageDigest.getInstance("SHA-256")
                    .digest("partners-portal sandbox webhook secrets".getBytes(StandardCharsets.UTF_8)));
        }
        return new SecretBox(Base64.getDecoder().decode(key.trim()));
    }
}
