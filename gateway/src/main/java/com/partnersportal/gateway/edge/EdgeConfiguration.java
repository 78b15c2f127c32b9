package com.partnersportal.gateway.edge;

import com.partnersportal.kit.deployment.DeploymentProperties;
import io.micrometer.tracing.Tracer;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * What every request meets at the edge, outermost first: its request id, the access log, security headers and
 * CORS for the configured portal origin only ({@code portal.gateway.cors.allowed-origins}). Body size limits come
 * from service-kit's request-body filter, as in every service.
 */
@Configuration
class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(ObjectProvider<Tracer> tracer) {
        return ordered(new RequestIdFilter(tracer), Ordered.HIGHEST_PRECEDENCE + 2);
    }

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        return ordered(new AccessLogFilter(), Ordered.HIGHEST_PRECEDENCE + 3);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(DeploymentProperties deployment) {
        return ordered(new SecurityHeadersFilter(!deployment.environment().isSandbox()), Ordered.HIGHEST_PRECEDENCE + 4);
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(
            @Value("${portal.gateway.cors.allowed-origins:}") List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", RequestIdFilter.HEADER,
                "Accept-Language"));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After", "Location", "Idempotent-Replayed"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return ordered(new CorsFilter(source), Ordered.HIGHEST_PRECEDENCE + 5);
    }

    private static <T extends jakarta.servlet.Filter> FilterRegistrationBean<T> ordered(T filter, int order) {
        FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }
}
