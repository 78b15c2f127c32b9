package com.partnersportal.gateway.resilience;

import com.partnersportal.gateway.edge.RequestIdFilter;
import com.partnersportal.gateway.problem.ProblemResponses;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.kit.problem.ApiProblem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Shields callers from a sick service with Resilience4j: a circuit breaker per service (opened by timeouts,
 * connection failures and 5xx answers) and a time limiter per route (on the proxied exchange itself: no thread waits
 * for it). A service that is down, has no live replica or whose circuit is open answers 503, one that does not answer
 * in time 504, both as problem details, at once rather than after every caller has waited.
 */
@Component
@EnableConfigurationProperties(UpstreamProperties.class)
public class UpstreamGuards {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuards.class);

    private final UpstreamProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;

    UpstreamGuards(UpstreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A 5xx answer counts like a failure to connect.
                .recordResult(result -> result instanceof HttpStatusCode status && status.is5xxServerError())
                .build());
        this.timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom().cancelRunningFuture(true).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
    }

    public GatewayFilter forRoute(GatewayRoute route) {
        String service = route.upstream().key();
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Duration timeout = properties.timeoutFor(service, route.id());
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(route.id(),
                TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
        return (exchange, chain) -> {
            if (!breaker.tryAcquirePermission()) {
                return ProblemResponses.write(exchange, unavailable(service, properties.openFor()));
            }
            long started = System.nanoTime();
            return chain.filter(exchange)
                    .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                    .doOnSuccess(done -> breaker.onResult(System.nanoTime() - started, TimeUnit.NANOSECONDS,
                            exchange.getResponse().getStatusCode()))
                    .doOnCancel(breaker::releasePermission)
                    .onErrorResume(e -> {
                        breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                        return refusal(exchange, service, timeout, e);
                    });
        };
    }

    private static Mono<Void> refusal(ServerWebExchange exchange, String service, Duration timeout, Throwable e) {
        String request = exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
        if (timedOut(e)) {
            log.warn("{} did not answer {} within {} (request {})", service, request, timeout, RequestIdFilter.of(exchange));
            return ProblemResponses.write(exchange, new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
                    "The %s service did not answer in time; try again shortly.".formatted(service),
                    Map.of("service", service)));
        }
        log.warn("{} could not be reached for {} (request {}): {}", service, request, RequestIdFilter.of(exchange), e.toString());
        return ProblemResponses.write(exchange, unavailable(service, Duration.ofSeconds(5)));
    }

    /** The route's own limit, or the upstream client's (Spring Cloud Gateway's 504, or Netty's read timeout). */
    private static boolean timedOut(Throwable e) {
        return e instanceof TimeoutException || e instanceof ReadTimeoutException
                || e instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }

    private static ApiProblem unavailable(String service, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The %s service is unavailable; try again shortly.".formatted(service), Map.of("service", service),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }
}
