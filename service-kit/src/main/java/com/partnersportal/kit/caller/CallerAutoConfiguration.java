package com.partnersportal.kit.caller;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.kit.deployment.DeploymentAutoConfiguration;
import com.partnersportal.kit.deployment.DeploymentProperties;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link Caller} parameter: portal access tokens, merchant API tokens. */
@AutoConfiguration(after = DeploymentAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CallerAutoConfiguration {

    @Bean
    ApiTokenIntrospection apiTokenIntrospection(RestClient.Builder builder,
            @Value("${portal.services.identity-url}") String identityUrl,
            @Value("${portal.auth.api-token-cache:60s}") Duration liveFor) {
        // A caller waits on this lookup: identity-service must answer quickly or the caller hears it is unavailable.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(3));
        return new ApiTokenIntrospection(builder.clone().requestFactory(requests).baseUrl(identityUrl).build(), liveFor);
    }

    /** identity-service's public keys, fetched on first use and again when a token names an unknown key. */
    @Bean
    @ConditionalOnMissingBean
    JWKSource<SecurityContext> accessTokenKeys(@Value("${portal.services.identity-url}") String identityUrl)
            throws MalformedURLException {
        return JWKSourceBuilder.create(URI.create(identityUrl + AccessTokenClaims.JWKS_PATH).toURL())
                .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(10).toMillis())
                .rateLimited(Duration.ofSeconds(10).toMillis())
                .refreshAheadCache(false)
                .build();
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(JWKSource<SecurityContext> accessTokenKeys) {
        return new AccessTokenVerifier(accessTokenKeys);
    }

    @Bean
    CallerResolver callerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens,
            DeploymentProperties deployment) {
        return new CallerResolver(accessTokens, apiTokens, deployment.environment());
    }

    @Bean
    WebMvcConfigurer callerArgument(CallerResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
