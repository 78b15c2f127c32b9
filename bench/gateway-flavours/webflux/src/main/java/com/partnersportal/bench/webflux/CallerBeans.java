package com.partnersportal.bench.webflux;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.caller.AccessTokenVerifier;
import com.partnersportal.kit.caller.ApiTokenIntrospection;
import com.partnersportal.kit.caller.CallerResolver;
import com.partnersportal.kit.caller.RevocationFeed;
import com.partnersportal.kit.caller.Revocations;
import com.partnersportal.kit.servicecall.ServiceCredentials;
import com.partnersportal.kit.servicecall.ServiceReplicas;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The caller's token check as service-kit's {@code CallerAutoConfiguration} sets it up for the servlet stack (which it
 * is conditional on): JWKS with its cache, API-token introspection with its one-minute cache, the revocation feed.
 * A cached token is checked without blocking; a cache miss would block the event loop once (a switch would make the
 * introspection reactive).
 */
@Configuration(proxyBeanMethods = false)
class CallerBeans {

    @Bean
    ServiceReplicas identityReplicas(@Value("${portal.services.identity-url}") String identityUrl) {
        return ServiceReplicas.parse(identityUrl);
    }

    @Bean
    ApiTokenIntrospection apiTokenIntrospection(ServiceReplicas identityReplicas,
            @Value("${portal.service-client.secret:}") String secret,
            @Value("${portal.auth.api-token-cache:60s}") Duration liveFor) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(3));
        ServiceCredentials credentials = new ServiceCredentials(RestClient.builder().requestFactory(requests)
                .requestInterceptor(identityReplicas).build(),
                URI.create(identityReplicas.first() + ServiceTokenClaims.TOKEN_PATH), "gateway", secret, Clock.systemUTC());
        return new ApiTokenIntrospection(RestClient.builder().requestFactory(requests).requestInterceptor(credentials)
                .requestInterceptor(identityReplicas).baseUrl(identityReplicas.first()).build(), liveFor);
    }

    @Bean
    JWKSource<SecurityContext> accessTokenKeys(ServiceReplicas identityReplicas) throws MalformedURLException {
        return JWKSourceBuilder.create(URI.create(identityReplicas.first() + AccessTokenClaims.JWKS_PATH).toURL(),
                        identityReplicas.retriever(JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                                JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(10).toMillis())
                .rateLimited(Duration.ofSeconds(10).toMillis())
                .refreshAheadCache(false)
                .build();
    }

    @Bean
    Revocations revocations() {
        return new Revocations();
    }

    @Bean
    RevocationFeed revocationFeed(Revocations revocations, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new RevocationFeed(revocations, bootstrapServers, Duration.ofMinutes(20), Clock.systemUTC(),
                "bench-gateway-webflux-revocations-" + UUID.randomUUID().toString().substring(0, 8), Duration.ofSeconds(20));
    }

    @Bean
    CallerResolver callerResolver(JWKSource<SecurityContext> accessTokenKeys, ApiTokenIntrospection apiTokens,
            Revocations revocations) {
        return new CallerResolver(new AccessTokenVerifier(accessTokenKeys, revocations), apiTokens, revocations);
    }
}
