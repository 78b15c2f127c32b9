package com.partnersportal.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets by key: shared in Redis between replicas, or in this process's memory. Taking a token never blocks
 * the caller: the answer is a future (already complete when nothing had to be asked of Redis).
 */
interface RateLimitStore extends AutoCloseable {

    CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration);

    @Override
    default void close() {
    }
}
