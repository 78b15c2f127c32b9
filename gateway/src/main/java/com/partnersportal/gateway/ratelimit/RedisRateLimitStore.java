package com.partnersportal.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in Redis (compare-and-swap, as Bucket4j does it), shared by every gateway replica. A bucket whose limit is
 * large enough for it to matter is synchronised with Redis lazily (Bucket4j's delaying optimisation): up to 1 % of its
 * limit is counted here before the replica writes it to Redis, and never more than {@link #MAX_UNSYNCHRONISED} later.
 * That takes Redis off the path of almost every request (two round trips per bucket otherwise, the gateway's
 * costliest step under load) for an overdraft of at most 1 % per replica; small limits (sign-in) stay exact.
 */
class RedisRateLimitStore implements RateLimitStore {

    static final Duration MAX_UNSYNCHRONISED = Duration.ofMillis(500);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;
    /** This replica's handle per key: the delaying optimisation keeps its unsynchronised count there. */
    private final Cache<String, AsyncBucketProxy> handles;

    RedisRateLimitStore(String redisUrl, String keyPrefix, Duration window) {
        this.keyPrefix = keyPrefix;
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(Duration.ofMillis(500));
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                .build().asAsync();
        this.handles = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000).build();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        return handles.get(key, k -> handle(k, configuration)).tryConsumeAndReturnRemaining(1);
    }

    private AsyncBucketProxy handle(String key, BucketConfiguration configuration) {
        long unsynchronised = configuration.getBandwidths()[0].getCapacity() / 100;
        RemoteAsyncBucketBuilder<String> builder = buckets.builder();
        if (unsynchronised > 0) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(unsynchronised, MAX_UNSYNCHRONISED)));
        }
        return builder.build(keyPrefix + key, () -> CompletableFuture.completedFuture(configuration));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
