package com.partnersportal.gateway.resilience;

import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.problem.ProblemBodies;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Shields callers from a sick service with Resilience4j: a circuit breaker per service (opened by timeouts,
 * connection failures and 5xx answers) and a time limiter per route. A service that is down or whose circuit is
 * open answers 503, one that does not answer in time 504, both as problem details, at once rather than after
 * every caller has waited.
 */
@Component
@EnableConfigurationProperties(UpstreamProperties.class)
public class UpstreamGuards implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuards.class);

    private final UpstreamProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;
    /** The time limiter waits on a future: the proxied call runs on a virtual thread of its own. */
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

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
                .recordResult(result -> result instanceof ServerResponse response && response.statusCode().is5xxServerError())
                .build());
        this.timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom().cancelRunningFuture(true).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> forRoute(GatewayRoute route) {
        String service = route.upstream().key();
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Duration timeout = properties.timeoutFor(service, route.id());
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(route.id(),
                TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
        return (request, next) -> {
            // The trace context travels with the call, so the service's span continues the gateway's trace.
            Callable<ServerResponse> call = snapshots.captureAll().wrap(() -> next.handle(request));
            try {
                return breaker.executeCallable(timeLimiter.decorateFutureSupplier(() -> calls.submit(call)));
            } catch (CallNotPermittedException e) {
                return unavailable(service, properties.openFor());
            } catch (TimeoutException e) {
                log.warn("{} did not answer {} {} within {}", service, request.method(), request.path(), timeout);
                return ProblemBodies.serverResponse(new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
                        "The %s service did not answer in time; try again shortly.".formatted(service),
                        Map.of("service", service)));
            } catch (Exception e) {
                log.warn("{} could not be reached for {} {}: {}", service, request.method(), request.path(), e.toString());
                return unavailable(service, Duration.ofSeconds(5));
            }
        };
    }

    private static ServerResponse unavailable(String service, Duration retryAfter) {
        return ProblemBodies.serverResponse(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The %s service is unavailable; try again shortly.".formatted(service), Map.of("service", service),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))));
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
