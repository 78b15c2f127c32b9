package com.partnersportal.kit.merchant;

import com.partnersportal.kit.deployment.DeploymentAutoConfiguration;
import com.partnersportal.kit.deployment.DeploymentProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CallingMerchant} parameter. */
@AutoConfiguration(after = DeploymentAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CallingMerchantAutoConfiguration {

    @Bean
    ApiTokenIntrospection apiTokenIntrospection(RestClient.Builder builder,
            @Value("${portal.services.identity-url}") String identityUrl,
            @Value("${portal.merchant-auth.token-cache:60s}") Duration liveFor) {
        return new ApiTokenIntrospection(builder.clone().baseUrl(identityUrl).build(), liveFor);
    }

    @Bean
    WebMvcConfigurer callingMerchantArgument(ApiTokenIntrospection introspection, DeploymentProperties deployment) {
        CallingMerchantResolver resolver = new CallingMerchantResolver(introspection, deployment.environment());
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
