package com.partnersportal.kit.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.environment}: one setting per deployment. Production is the default so that a
 * forgotten setting never opens a sandbox-only door.
 */
@ConfigurationProperties("portal")
public record DeploymentProperties(DeploymentMode environment) {

    public DeploymentProperties {
        environment = environment == null ? DeploymentMode.PRODUCTION : environment;
    }
}
