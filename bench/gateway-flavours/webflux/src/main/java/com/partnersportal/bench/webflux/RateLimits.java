package com.partnersportal.bench.webflux;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's rate limits (its {@code RateLimitFilters} and {@code RedisRateLimitStore}): token buckets in Redis
 * through Bucket4j and Lettuce, with the same delaying optimisation (1 % of a limit counted locally for at most
 * 0.5 s), per client address before the token check and per caller after it; a Redis failure lets the request
 * pass. Here through Bucket4j's asynchronous API, which a reactive gateway must use.
 */
@Component
class RateLimits implements DisposableBean {

    private final long perAddress;
    private final long perApiToken;
    private final Duration window;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;
    private final Cache<String, AsyncBucketProxy> handles;
    private final Counter limited;
    private final Counter storeFailures;

    RateLimits(@Value("${portal.gateway.rate-limits.redis-url}") String redisUrl,
            @Value("${portal.gateway.rate-limits.redis-key-prefix:gateway:rate:}") String keyPrefix,
            @Value("${portal.gateway.rate-limits.per-address:600}") long perAddress,
            @Value("${portal.gateway.rate-limits.per-api-token:1200}") long perApiToken,
            @Value("${portal.gateway.rate-limits.window:1m}") Duration window, MeterRegistry meters) {
        this.perAddress = perAddress;
        this.perApiToken = perApiToken;
        this.window = window;
        this.keyPrefix = keyPrefix;
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(Duration.ofMillis(500));
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                .build().asAsync();
        this.handles = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000).build();
        this.limited = Counter.builder("portal.gateway.rate.limited").register(meters);
        this.storeFailures = Counter.builder("portal.gateway.rate.limit.store.failures").register(meters);
    }

    GatewayFilter perAddress() {
        return (exchange, chain) -> check("address:" + clientAddress(exchange), perAddress, exchange)
                .flatMap(refusal -> refusal.isPresent() ? Problems.write(exchange, refusal.get()) : chain.filter(exchange));
    }

    GatewayFilter perCaller() {
        return (exchange, chain) -> {
            Caller caller = exchange.getAttribute(AccessCheck.CALLER);
            if (caller == null) {
                return chain.filter(exchange);
            }
            return check("api-token:" + caller.actorId(), perApiToken, exchange)
                    .flatMap(refusal -> refusal.isPresent() ? Problems.write(exchange, refusal.get()) : chain.filter(exchange));
        };
    }

    /** The refusal when over the limit, empty to pass. */
    private Mono<Optional<ApiProblem>> check(String key, long limit, ServerWebExchange exchange) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
                .build();
        return Mono.fromFuture(() -> handles.get(key, k -> handle(k, configuration)).tryConsumeAndReturnRemaining(1), true)
                .map(this::refusal)
                .onErrorResume(RuntimeException.class, e -> {
                    storeFailures.increment();
                    return Mono.just(Optional.empty());
                });
    }

    private Optional<ApiProblem> refusal(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        limited.increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return Optional.of(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests; retry after %d seconds.".formatted(retryAfter),
                Map.of("retry_after_seconds", retryAfter), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))));
    }

    private AsyncBucketProxy handle(String key, BucketConfiguration configuration) {
        long unsynchronised = configuration.getBandwidths()[0].getCapacity() / 100;
        RemoteAsyncBucketBuilder<String> builder = buckets.builder();
        if (unsynchronised > 0) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(unsynchronised, Duration.ofMillis(500))));
        }
        return builder.build(keyPrefix + key, configuration);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public void destroy() {
        connection.close();
        client.shutdown();
    }
}
