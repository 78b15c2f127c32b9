package com.partnersportal.gateway.edge;

import com.partnersportal.kit.deployment.DeploymentProperties;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * What every request meets at the edge, outermost first: the client's address (through trusted proxies only), its
 * request id, the access log, security headers, CORS for the configured portal origin only
 * ({@code portal.gateway.cors.allowed-origins}), the size limits and the refusal of unclean text and of paths that
 * try to climb out of their route, as in every service.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    ClientAddressFilter clientAddressFilter(
            @Value("${portal.gateway.trusted-proxies}") String trustedProxies) {
        return new ClientAddressFilter(Pattern.compile(trustedProxies));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    AccessLogFilter accessLogFilter() {
        return new AccessLogFilter();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 4)
    SecurityHeadersFilter securityHeadersFilter(DeploymentProperties deployment) {
        return new SecurityHeadersFilter(!deployment.environment().isSandbox());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter corsFilter(@Value("${portal.gateway.cors.allowed-origins:}") List<String> allowedOrigins) {
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
        return new CorsWebFilter(source);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    RequestSizeFilter requestSizeFilter(@Value("${portal.http.max-header-size:16KB}") DataSize maxHeaders,
            @Value("${portal.http.max-body-size:1MB}") DataSize maxBody) {
        return new RequestSizeFilter(maxHeaders, maxBody);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    CleanRequestFilter cleanRequestFilter() {
        return new CleanRequestFilter();
    }
}
