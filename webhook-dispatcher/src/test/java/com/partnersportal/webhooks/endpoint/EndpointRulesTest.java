package com.partnersportal.webhooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class EndpointRulesTest {

    @Test
    void productionTakesHttpsOnly() {
        assertThat(EndpointRules.url("https://shop.example.com/hook", DeploymentMode.PRODUCTION))
                .isEqualTo("https://shop.example.com/hook");
        assertThatThrownBy(() -> EndpointRules.url("http://shop.example.com/hook", DeploymentMode.PRODUCTION))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("https");
        assertThat(EndpointRules.url("http://127.0.0.1:9000/hook", DeploymentMode.SANDBOX)).isNotNull();
    }

    @Test
    void atMost255CharactersNoUserInfoNoFragment() {
        String base = "https://shop.example.com/";
        assertThat(EndpointRules.url(base + "a".repeat(255 - base.length()), DeploymentMode.PRODUCTION)).hasSize(255);
        assertThatThrownBy(() -> EndpointRules.url(base + "a".repeat(256 - base.length()), DeploymentMode.PRODUCTION))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> EndpointRules.url("https://user:pw@shop.example.com/", DeploymentMode.PRODUCTION))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> EndpointRules.url("https://shop.example.com/#x", DeploymentMode.PRODUCTION))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> EndpointRules.url("not a url", DeploymentMode.PRODUCTION)).isInstanceOf(ApiProblem.class);
    }
}
