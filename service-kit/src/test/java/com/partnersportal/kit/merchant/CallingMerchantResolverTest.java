package com.partnersportal.kit.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.ServletWebRequest;

class CallingMerchantResolverTest {

    private final ApiTokenIntrospection unreachableIdentity =
            new ApiTokenIntrospection(RestClient.create("http://127.0.0.1:9"), Duration.ofSeconds(60));

    @Test
    void aSandboxTakesTheMerchantHeader() {
        UUID merchant = UUID.randomUUID();

        CallingMerchant caller = resolve(DeploymentMode.SANDBOX, CallingMerchantResolver.MERCHANT_HEADER, merchant.toString());

        assertThat(caller.id()).isEqualTo(merchant);
    }

    @Test
    void productionNeverTrustsTheMerchantHeader() {
        assertThatThrownBy(() -> resolve(DeploymentMode.PRODUCTION, CallingMerchantResolver.MERCHANT_HEADER,
                UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(401);
                    assertThat(problem.errorCode()).isEqualTo("unauthenticated");
                });
    }

    @Test
    void aCallerWithNeitherIsUnauthenticated() {
        assertThatThrownBy(() -> resolve(DeploymentMode.SANDBOX, "X-Other", "x"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(401));
    }

    private CallingMerchant resolve(DeploymentMode mode, String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(header, value);
        return new CallingMerchantResolver(unreachableIdentity, mode)
                .resolveArgument(null, null, new ServletWebRequest(request), null);
    }
}
