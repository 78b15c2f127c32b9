package com.partnersportal.kit.time;

import com.partnersportal.kit.deployment.DeploymentAutoConfiguration;
import com.partnersportal.kit.deployment.DeploymentProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Every service reads time from an injected clock. In a sandbox it is a {@link SandboxClock} that tests, scripts
 * and people can move forward; in production the system clock, which nothing can move.
 */
@AutoConfiguration(after = DeploymentAutoConfiguration.class)
@Import(ClockAutoConfiguration.SandboxClockEndpoint.class)
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(DeploymentProperties deployment) {
        return deployment.environment().isSandbox() ? new SandboxClock() : Clock.systemUTC();
    }

    /** The gateway, which is every outsider's way in, switches it off ({@code portal.clock.sandbox-endpoint}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty(name = "portal.clock.sandbox-endpoint", matchIfMissing = true)
    @Import(SandboxClockController.class)
    static class SandboxClockEndpoint {
    }
}
