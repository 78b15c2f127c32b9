package com.partnersportal.bench.webflux;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.json.CleanText;
import com.partnersportal.kit.problem.ApiProblem;
import io.micrometer.common.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * What every request meets at the edge in the gateway (its {@code edge} package and service-kit's clean-request
 * filter), as WebFlux filters in the same order: request id, access log, security headers, CORS, clean request.
 */
@Configuration(proxyBeanMethods = false)
class EdgeWebFilters {

    static final String REQUEST_ID = "X-Request-Id";
    static final String CALLER_SUMMARY = EdgeWebFilters.class.getName() + ".caller";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger access = LoggerFactory.getLogger("gateway.access");

    /** The caller's sane request id or a new one: on the answer, to the service, on the trace. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    WebFilter requestId() {
        return (exchange, chain) -> {
            String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
            boolean sane = given != null && SANE.matcher(given).matches();
            String requestId = sane ? given : UUID.randomUUID().toString();
            exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of("request.id", requestId)));
            if (sane && exchange.getRequest().getHeaders().get(REQUEST_ID).size() == 1) {
                return chain.filter(exchange);
            }
            ServerHttpRequest withId = exchange.getRequest().mutate().headers(headers -> headers.set(REQUEST_ID, requestId)).build();
            return chain.filter(exchange.mutate().request(withId).build());
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    WebFilter accessLog() {
        return (exchange, chain) -> {
            long started = System.nanoTime();
            return chain.filter(exchange).doFinally(signal -> {
                ServerHttpRequest request = exchange.getRequest();
                Object caller = exchange.getAttribute(CALLER_SUMMARY);
                long millis = (System.nanoTime() - started) / 1_000_000;
                access.atInfo()
                        .addKeyValue("http.method", request.getMethod())
                        .addKeyValue("url.path", request.getPath().value())
                        .addKeyValue("http.status", exchange.getResponse().getStatusCode())
                        .addKeyValue("duration.ms", millis)
                        .addKeyValue("client.address", request.getRemoteAddress())
                        .addKeyValue("caller", caller == null ? "anonymous" : caller)
                        .log("{} {} {} {}ms", request.getMethod(), request.getPath().value(), exchange.getResponse().getStatusCode(), millis);
            });
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 4)
    WebFilter securityHeaders(DeploymentProperties deployment) {
        boolean production = !deployment.environment().isSandbox();
        return (exchange, chain) -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set("Cache-Control", "no-store");
            if (production) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter cors(@Value("${portal.gateway.cors.allowed-origins:http://localhost:5173}") List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", REQUEST_ID, "Accept-Language"));
        cors.setExposedHeaders(List.of(REQUEST_ID, "Retry-After", "Location", "Idempotent-Replayed"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }

    /** service-kit's CleanRequestFilter: no control characters or broken encodings in the path or any header. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 6)
    WebFilter cleanRequest() {
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean clean = CleanText.isClean(request.getURI().getRawPath());
            for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
                for (String value : header.getValue()) {
                    clean &= CleanText.isClean(value);
                }
            }
            return clean ? chain.filter(exchange)
                    : Problems.write(exchange, new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_request", "The request is malformed."));
        };
    }
}
