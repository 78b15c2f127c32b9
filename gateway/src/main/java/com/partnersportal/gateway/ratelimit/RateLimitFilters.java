package com.partnersportal.gateway.ratelimit;

import com.partnersportal.gateway.access.RouteAccessFilters;
import com.partnersportal.gateway.problem.ProblemResponses;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RateClass;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token-bucket rate limits: per client address before anything else (strictly on sign-in and activation
 * routes, so guessing passwords or links gets nowhere), then per signed-in user and per merchant API token.
 * Over the limit is a 429 problem with {@code Retry-After}. If Redis cannot answer, requests pass (availability
 * over throttling) and the failure is counted.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilters.class);

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final Counter limited;
    private final Counter storeFailures;
    // Built once: the limits are fixed at start-up, and a configuration per request showed in the profile (ADR 5).
    private final BucketConfiguration perAddressLimit;
    private final BucketConfiguration signInPerAddressLimit;
    private final BucketConfiguration perApiTokenLimit;
    private final BucketConfiguration perUserLimit;

    RateLimitFilters(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        boolean redis = properties.redisUrl() != null && !properties.redisUrl().isBlank();
        this.store = redis ? new RedisRateLimitStore(properties.redisUrl(), properties.redisKeyPrefix(), properties.window())
                : new InMemoryRateLimitStore(properties.window());
        log.info("Rate limits kept {}", redis ? "in Redis" : "in memory");
        this.limited = Counter.builder("portal.gateway.rate.limited").description("Requests refused over a rate limit")
                .register(meters);
        this.storeFailures = Counter.builder("portal.gateway.rate.limit.store.failures")
                .description("Rate-limit checks that could not reach the store and let the request pass").register(meters);
        this.perAddressLimit = configuration(properties.perAddress());
        this.signInPerAddressLimit = configuration(properties.signInPerAddress());
        this.perApiTokenLimit = configuration(properties.perApiToken());
        this.perUserLimit = configuration(properties.perUser());
    }

    /** Per client address, before authentication. */
    public GatewayFilter perAddress(GatewayRoute route) {
        BucketConfiguration limit = route.rateClass() == RateClass.SIGN_IN ? signInPerAddressLimit : perAddressLimit;
        String bucket = route.rateClass() == RateClass.SIGN_IN ? "sign-in-address:" : "address:";
        return (exchange, chain) -> check(bucket + clientAddress(exchange), limit, exchange, chain);
    }

    /** Per signed-in user or API token, after authentication. */
    public GatewayFilter perCaller(GatewayRoute route) {
        return (exchange, chain) -> {
            Caller caller = RouteAccessFilters.callerOf(exchange).orElse(null);
            if (caller == null) {
                return chain.filter(exchange);
            }
            return caller.kind() == Caller.Kind.API_TOKEN
                    ? check("api-token:" + caller.actorId(), perApiTokenLimit, exchange, chain)
                    : check("user:" + caller.actorId(), perUserLimit, exchange, chain);
        };
    }

    private Mono<Void> check(String key, BucketConfiguration limit, ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return Mono.fromFuture(() -> store.tryConsume(key, limit), true)
                .map(Optional::of)
                .onErrorResume(RuntimeException.class, e -> {
                    storeFailures.increment();
                    log.warn("Rate limit store unavailable, letting the request pass: {}", e.toString());
                    return Mono.just(Optional.empty());
                })
                .flatMap(probe -> probe.isEmpty() || probe.get().isConsumed() ? chain.filter(exchange)
                        : refuse(exchange, probe.get()));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        limited.increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return ProblemResponses.write(exchange, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests; retry after %d seconds.".formatted(retryAfter),
                Map.of("retry_after_seconds", retryAfter), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))));
    }

    private BucketConfiguration configuration(long limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, properties.window()).build())
                .build();
    }

    /** The client's address as the edge established it (through trusted proxies only: edge.ClientAddressFilter). */
    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public void destroy() throws Exception {
        store.close();
    }
}
