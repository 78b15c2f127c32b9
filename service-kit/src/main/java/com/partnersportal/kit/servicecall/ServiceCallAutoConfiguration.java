package com.partnersportal.kit.servicecall;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.caller.CallerAutoConfiguration;
import com.partnersportal.kit.deployment.DeploymentProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Service credentials (ADR 22): every {@code /internal/**} endpoint refuses a request without a service token
 * carrying the handler's {@link ServiceScope}; {@link ServiceCredentials} obtains this service's own token for the
 * calls it makes. Client id: {@code portal.service-client.id} (the application's name); secret:
 * {@code portal.service-client.secret} ({@code PORTAL_SERVICE_CLIENT_SECRET}).
 */
@AutoConfiguration(after = CallerAutoConfiguration.class)
@ConditionalOnWebApplication
public class ServiceCallAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceCallAutoConfiguration.class);

    /** The services' {@code /internal/**} endpoints (Spring MVC); the gateway routes none of them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class InternalEndpointGuard {

        @Bean
        ServiceTokenVerifier serviceTokenVerifier(JWKSource<SecurityContext> accessTokenKeys) {
            return new ServiceTokenVerifier(accessTokenKeys);
        }

        @Bean
        WebMvcConfigurer internalCallGuard(ServiceTokenVerifier verifier) {
            InternalCallInterceptor guard = new InternalCallInterceptor(verifier);
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(guard).addPathPatterns(InternalCallInterceptor.PATHS).order(Ordered.HIGHEST_PRECEDENCE);
                }
            };
        }
    }

    /**
     * identity-service's replicas ({@code portal.services.identity-url}, comma-separated): every call to its internal
     * routes goes to each in turn and past one that cannot be reached.
     */
    @Bean
    ServiceReplicas identityReplicas(@Value("${portal.services.identity-url}") String identityUrl) {
        return ServiceReplicas.parse(identityUrl);
    }

    @Bean
    ServiceCredentials serviceCredentials(ObjectProvider<RestClient.Builder> builders, ServiceReplicas identityReplicas,
            @Value("${portal.service-client.id:${spring.application.name:service}}") String clientId,
            @Value("${portal.service-client.secret:}") String secret, DeploymentProperties deployment) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(3));
        ServiceCredentials credentials = new ServiceCredentials(builders.getIfAvailable(RestClient::builder).clone().requestFactory(requests)
                .requestInterceptor(identityReplicas).build(),
                URI.create(identityReplicas.first() + ServiceTokenClaims.TOKEN_PATH), clientId, secret, Clock.systemUTC());
        if (!credentials.configured() && !deployment.environment().isSandbox()) {
            log.warn("No secret for service client '{}' (PORTAL_SERVICE_CLIENT_SECRET): its calls to other services'"
                    + " internal endpoints will be refused", clientId);
        }
        return credentials;
    }
}
