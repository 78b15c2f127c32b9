package com.partnersportal.kit.caller;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.kit.deployment.DeploymentAutoConfiguration;
import com.partnersportal.kit.servicecall.ServiceCredentials;
import com.partnersportal.kit.servicecall.ServiceReplicas;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Establishes the {@link Caller} of a request from its token (portal access tokens, merchant API tokens), in every web
 * application; on the servlet stack (the services) controllers take it as a parameter, and the gateway (WebFlux) asks
 * the {@link CallerResolver} itself.
 */
@AutoConfiguration(after = DeploymentAutoConfiguration.class)
@ConditionalOnWebApplication
public class CallerAutoConfiguration {

    /** The key set's background refresh: daemon threads, stopped with the key source when the context closes. */
    private static final ThreadFactory KEY_REFRESH_THREADS = Thread.ofPlatform().daemon().name("jwks-refresh-", 0).factory();

    @Bean
    ApiTokenIntrospection apiTokenIntrospection(ObjectProvider<RestClient.Builder> builders, ServiceReplicas identityReplicas,
            ServiceCredentials credentials,
            @Value("${portal.auth.api-token-cache:60s}") Duration liveFor) {
        // A caller waits on this lookup: identity-service must answer quickly or the caller hears it is unavailable.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(3));
        return new ApiTokenIntrospection(builders.getIfAvailable(RestClient::builder).clone().requestFactory(requests)
                .requestInterceptor(credentials).requestInterceptor(identityReplicas).baseUrl(identityReplicas.first())
                .build(), liveFor);
    }

    /**
     * identity-service's public keys, fetched on first use and again when a token names an unknown key (at most every
     * 10 seconds). The set is kept 15 minutes and fetched again a minute before that on a background thread, so no
     * request waits for its expiry (the gateway checks tokens on its event loop).
     */
    @Bean
    @ConditionalOnMissingBean
    JWKSource<SecurityContext> accessTokenKeys(ServiceReplicas identityReplicas) throws MalformedURLException {
        return JWKSourceBuilder.create(URI.create(identityReplicas.first() + AccessTokenClaims.JWKS_PATH).toURL(),
                        identityReplicas.retriever(JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                                JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(10).toMillis())
                .rateLimited(Duration.ofSeconds(10).toMillis())
                .refreshAheadCache(Duration.ofMinutes(1).toMillis(), null,
                        Executors.newSingleThreadExecutor(KEY_REFRESH_THREADS), true,
                        Executors.newSingleThreadScheduledExecutor(KEY_REFRESH_THREADS), true)
                .build();
    }

    /** Revoked access as this process knows it; everything counts as loaded when the feed is switched off. */
    @Bean
    Revocations revocations(@Value("${portal.auth.revocations.enabled:true}") boolean fed) {
        return fed ? new Revocations() : Revocations.none();
    }

    @Bean
    @ConditionalOnProperty(name = "portal.auth.revocations.enabled", matchIfMissing = true)
    RevocationFeed revocationFeed(Revocations revocations,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${portal.auth.revocations.look-back:20m}") Duration lookBack,
            @Value("${spring.application.name:service}") String application,
            @Value("${portal.auth.revocations.start-wait:20s}") Duration startWait) {
        // Kafka's record timestamps are real time, whatever a sandbox's clock says.
        return new RevocationFeed(revocations, bootstrapServers, lookBack, java.time.Clock.systemUTC(),
                application + "-revocations-" + UUID.randomUUID().toString().substring(0, 8), startWait);
    }

    /** Readiness: a replica that cannot yet tell revoked access from valid takes no traffic. */
    @Bean
    @ConditionalOnProperty(name = "portal.auth.revocations.enabled", matchIfMissing = true)
    HealthIndicator revocationsHealthIndicator(Revocations revocations) {
        return () -> revocations.loaded() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "revocations loading").build();
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(JWKSource<SecurityContext> accessTokenKeys, Revocations revocations) {
        return new AccessTokenVerifier(accessTokenKeys, revocations);
    }

    @Bean
    CallerResolver callerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens,
            Revocations revocations) {
        return new CallerResolver(accessTokens, apiTokens, revocations);
    }

    /** Spring MVC's side: a {@link Caller} parameter, and {@code @Authorize} checked before the handler runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class CallerParameter {

        @Bean
        WebMvcConfigurer callerArgument(CallerResolver resolver) {
            AuthorizeInterceptor authorize = new AuthorizeInterceptor(resolver);
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(resolver);
                }

                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(authorize);
                }
            };
        }
    }
}
