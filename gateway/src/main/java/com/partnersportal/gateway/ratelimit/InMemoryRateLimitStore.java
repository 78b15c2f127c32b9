package com.partnersportal.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Buckets in this process: right for one gateway replica; idle buckets are forgotten. */
class InMemoryRateLimitStore implements RateLimitStore {

    private final Cache<String, Bucket> buckets;

    InMemoryRateLimitStore(Duration window) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000).build();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        return CompletableFuture.completedFuture(
                buckets.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                        .tryConsumeAndReturnRemaining(1));
    }
}
