package com.partnersportal.gateway.resilience;

import com.partnersportal.gateway.edge.Problems;
import com.partnersportal.gateway.route.GatewayRoute;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Shields callers from a sick service: a Resilience4j circuit breaker per service (opened by timeouts,
 * connection failures and 5xx answers) and a time limit per route. A service that is down or whose circuit is
 * open answers 503, one that does not answer in time 504, both as problem details, at once rather than after
 * every caller has waited.
 */
@Component
@EnableConfigurationProperties(UpstreamProperties.class)
public class UpstreamGuards implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuards.class);

    private final UpstreamProperties properties;
    private final CircuitBreakerRegistry breakers;
    /** The proxied call runs here so that the route's time limit can be enforced; virtual threads cost nothing. */
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
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> forRoute(GatewayRoute route) {
        String service = route.upstream().key();
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Duration timeout = properties.timeoutFor(service, route.id());
        return (request, next) -> {
            if (!breaker.tryAcquirePermission()) {
                return unavailable(service, properties.openFor());
            }
            long started = System.nanoTime();
            // The trace context travels with the call, so the service's span continues the gateway's trace.
            Future<ServerResponse> call = calls.submit(snapshots.captureAll().wrap(() -> next.handle(request)));
            try {
                ServerResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long took = System.nanoTime() - started;
                if (response.statusCode().is5xxServerError()) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new UpstreamFailure(response.statusCode().value()));
                } else {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                }
                return response;
            } catch (TimeoutException e) {
                call.cancel(true);
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                log.warn("{} did not answer {} {} within {}", service, request.method(), request.path(), timeout);
                return Problems.response(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
                        "The %s service did not answer in time; try again shortly.".formatted(service),
                        Map.of("service", service));
            } catch (ExecutionException e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e.getCause());
                log.warn("{} could not be reached for {} {}: {}", service, request.method(), request.path(),
                        e.getCause().toString());
                return unavailable(service, Duration.ofSeconds(5));
            }
        };
    }

    private static ServerResponse unavailable(String service, Duration retryAfter) {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "The %s service is unavailable; try again shortly.".formatted(service),
                        Map.of("service", service)));
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** A 5xx answer, counted by the circuit breaker like a failure to connect. */
    static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(int status) {
            super("upstream answered " + status, null, false, false);
        }
    }
}
