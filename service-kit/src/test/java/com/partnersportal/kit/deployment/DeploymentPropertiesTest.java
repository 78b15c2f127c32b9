package com.partnersportal.kit.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeploymentPropertiesTest {

    @Test
    void anUnsetEnvironmentIsProductionSoNoSandboxDoorOpensByAccident() {
        assertThat(new DeploymentProperties(null).environment()).isEqualTo(DeploymentMode.PRODUCTION);
        assertThat(new DeploymentProperties(DeploymentMode.SANDBOX).environment().isSandbox()).isTrue();
    }
}
