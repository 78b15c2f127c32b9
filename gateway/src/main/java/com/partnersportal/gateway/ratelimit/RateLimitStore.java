package com.partnersportal.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Token buckets by key: shared in Redis between replicas, or in this process's memory. */
interface RateLimitStore extends AutoCloseable {

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    @Override
    default void close() {
    }
}
