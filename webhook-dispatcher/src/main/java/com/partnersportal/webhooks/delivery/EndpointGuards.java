package com.partnersportal.webhooks.delivery;

import com.partnersportal.webhooks.settings.WebhookProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per endpoint, in this replica: a Resilience4j circuit breaker (open: the endpoint's queue is parked, its
 * messages keep their attempts, and after the open time one trial attempt decides), a rate limiter (messages per
 * second), and a pause until a receiver's Retry-After has passed. The claim skips whatever is parked here, so the
 * shared workers stay free for other endpoints.
 */
final class EndpointGuards {

    private final CircuitBreakerRegistry breakers;
    private final Map<UUID, Limiter> limiters = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final int defaultRate;

    EndpointGuards(WebhookProperties properties) {
        WebhookProperties.Breaker b = properties.breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRate())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .slowCallDurationThreshold(properties.attemptTimeout().plusSeconds(1))
                .recordExceptions(Throwable.class)
                .build());
        this.defaultRate = properties.endpointRateLimit();
    }

    CircuitBreaker breaker(UUID endpointId) {
        return breakers.circuitBreaker(endpointId.toString());
    }

    /** A rate limiter for the endpoint's current limit, or null when it has none. */
    RateLimiter rateLimiter(UUID endpointId, Integer endpointRate) {
        int rate = endpointRate != null ? endpointRate : defaultRate;
        if (rate <= 0) {
            limiters.remove(endpointId);
            return null;
        }
        return limiters.compute(endpointId, (id, current) -> current != null && current.rate == rate ? current
                : new Limiter(rate, RateLimiter.of(id.toString(), RateLimiterConfig.custom()
                        .limitForPeriod(rate).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO)
                        .build()))).limiter;
    }

    void pause(UUID endpointId, Instant until) {
        pausedUntil.merge(endpointId, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Endpoints the next claim must skip. */
    List<UUID> parked(Instant now) {
        List<UUID> parked = new ArrayList<>();
        pausedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(now));
        parked.addAll(pausedUntil.keySet());
        breakers.getAllCircuitBreakers().forEach(cb -> {
            if (cb.getState() == CircuitBreaker.State.OPEN || cb.getState() == CircuitBreaker.State.FORCED_OPEN) {
                parked.add(UUID.fromString(cb.getName()));
            }
        });
        limiters.forEach((id, l) -> {
            if (l.limiter.getMetrics().getAvailablePermissions() <= 0) {
                parked.add(id);
            }
        });
        return parked;
    }

    /** 0 closed, 1 open, 2 half-open (forced and disabled states count as open and closed). */
    Map<UUID, Integer> circuitStates() {
        Map<UUID, Integer> states = new ConcurrentHashMap<>();
        breakers.getAllCircuitBreakers().forEach(cb -> states.put(UUID.fromString(cb.getName()), switch (cb.getState()) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 0;
        }));
        return states;
    }

    String stateOf(UUID endpointId) {
        return breakers.find(endpointId.toString()).map(cb -> cb.getState().name().toLowerCase()).orElse("closed");
    }

    private record Limiter(int rate, RateLimiter limiter) {
    }
}
