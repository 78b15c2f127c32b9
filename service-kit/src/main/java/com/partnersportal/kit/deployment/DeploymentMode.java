package com.partnersportal.kit.deployment;

/**
 * Whether a deployment is a sandbox or production. Tamara runs the two apart with separate credentials;
 * so do we. What must differ (HTTPS-only webhooks, address checks, test-only endpoints) asks this.
 */
public enum DeploymentMode {
    SANDBOX,
    PRODUCTION;

    public boolean isSandbox() {
        return this == SANDBOX;
    }
}
