package com.partnersportal.orders.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Production has no sandbox checkout: the page's API is never registered unless the deployment is a sandbox. */
class SandboxCheckoutProductionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SandboxCheckoutController.class);

    @Test
    void productionAndAnUnsetEnvironmentHaveNoSandboxCheckout() {
        context.withPropertyValues("portal.environment=production")
                .run(started -> assertThat(started).doesNotHaveBean(SandboxCheckoutController.class));
        context.run(started -> assertThat(started).doesNotHaveBean(SandboxCheckoutController.class));
    }
}
