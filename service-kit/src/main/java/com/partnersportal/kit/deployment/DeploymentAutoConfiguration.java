package com.partnersportal.kit.deployment;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** Publishes the deployment mode in {@code /actuator/info} and announces it once the service is ready. */
@AutoConfiguration
@EnableConfigurationProperties(DeploymentProperties.class)
public class DeploymentAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeploymentAutoConfiguration.class);

    @Bean
    InfoContributor deploymentInfo(DeploymentProperties deployment, @Value("${spring.application.name}") String service) {
        return builder -> builder
                .withDetail("service", service)
                .withDetail("environment", deployment.environment().name().toLowerCase())
                .withDetail("deployment", Map.of("sandbox", deployment.environment().isSandbox()));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> deploymentBanner(DeploymentProperties deployment,
            @Value("${spring.application.name}") String service) {
        return event -> log.info("{} is ready in {} mode", service, deployment.environment());
    }
}
