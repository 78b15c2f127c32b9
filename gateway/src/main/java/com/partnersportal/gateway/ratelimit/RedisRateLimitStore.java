package com.partnersportal.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/** Buckets in Redis (compare-and-swap, as Bucket4j does it), shared by every gateway replica. */
class RedisRateLimitStore implements RateLimitStore {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String keyPrefix;

    RedisRateLimitStore(String redisUrl, String keyPrefix, Duration window) {
        this.keyPrefix = keyPrefix;
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(Duration.ofMillis(500));
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.getProxy(keyPrefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
