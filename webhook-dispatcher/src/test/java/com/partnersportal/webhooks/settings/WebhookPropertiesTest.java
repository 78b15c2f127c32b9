package com.partnersportal.webhooks.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings as the local run and compose give them: environment variables, lists comma-separated. */
class WebhookPropertiesTest {

    @Test
    void environmentVariablesBindAsTheLauncherAndComposeSetThem() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test", Map.of(
                "PORTAL_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128,172.17.0.1/32",
                "PORTAL_WEBHOOKS_RETRY_SCHEDULE", "0s,5s,5m",
                "PORTAL_WEBHOOKS_ATTEMPT_TIMEOUT", "20s")));
        WebhookProperties properties = Binder.get(environment).bind("portal.webhooks", WebhookProperties.class).get();
        assertThat(properties.allowedNetworks()).containsExactly("127.0.0.1/32", "::1/128", "172.17.0.1/32");
        assertThat(properties.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(properties.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(50));
        assertThat(properties.endpointConcurrency()).isEqualTo(16);
        assertThat(properties.disableAfter()).isEqualTo(Duration.ofDays(5));
    }
}
