package com.partnersportal.identity.apitoken;

import com.partnersportal.kit.caller.ApiTokenIntrospection;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

/**
 * identity answers for merchant API tokens from its own store, uncached, instead of asking itself over HTTP as the
 * other services do: service-kit's {@code CallerResolver} gets this introspection because it is primary.
 */
@Configuration(proxyBeanMethods = false)
class LocalApiTokenIntrospection {

    @Bean
    @Primary
    ApiTokenIntrospection apiTokensFromOwnStore(ApiTokens tokens) {
        return new ApiTokenIntrospection(RestClient.create(), Duration.ZERO) {
            @Override
            public Optional<Answer> lookUp(String token) {
                return tokens.findLive(token).map(live -> new Answer(true, live.merchantId(), live.id(), live.name()));
            }
        };
    }
}
