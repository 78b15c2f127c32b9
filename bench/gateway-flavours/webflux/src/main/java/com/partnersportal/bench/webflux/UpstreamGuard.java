package com.partnersportal.bench.webflux;

import com.partnersportal.kit.problem.ApiProblem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * The gateway's {@code UpstreamGuards}: Resilience4j's circuit breaker per service (5xx answers count as failures)
 * with the same settings, and the route's time limit, here Reactor's {@code timeout} on the proxied exchange (what
 * Resilience4j's reactive time limiter does), so no thread is handed the call. 503 and 504 problems as there.
 */
@Component
class UpstreamGuard {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(50)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .permittedNumberOfCallsInHalfOpenState(3)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .recordResult(result -> result instanceof ServerHttpResponse response && response.getStatusCode() != null
                    && response.getStatusCode().is5xxServerError())
            .build());

    UpstreamGuard(MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    GatewayFilter forService(String service, Duration timeout) {
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        return (exchange, chain) -> {
            if (!breaker.tryAcquirePermission()) {
                return Problems.write(exchange, unavailable(service, Duration.ofSeconds(10)));
            }
            long started = System.nanoTime();
            return chain.filter(exchange)
                    .timeout(timeout)
                    .doOnSuccess(done -> breaker.onResult(System.nanoTime() - started, TimeUnit.NANOSECONDS, exchange.getResponse()))
                    .doOnCancel(breaker::releasePermission)
                    .onErrorResume(e -> {
                        breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                        return Problems.write(exchange, e instanceof TimeoutException
                                ? new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
                                        "The %s service did not answer in time; try again shortly.".formatted(service),
                                        Map.of("service", service))
                                : unavailable(service, Duration.ofSeconds(5)));
                    });
        };
    }

    private static ApiProblem unavailable(String service, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The %s service is unavailable; try again shortly.".formatted(service), Map.of("service", service),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }
}
