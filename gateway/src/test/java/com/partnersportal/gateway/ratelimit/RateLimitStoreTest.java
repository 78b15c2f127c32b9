package com.partnersportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.testsupport.TestInfrastructure;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two gateway replicas sharing Redis share one bucket per caller; one in memory counts alone. */
class RateLimitStoreTest {

    private static final BucketConfiguration FIVE_A_MINUTE = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(1)).build()).build();

    @Test
    void replicasSharingRedisDrawFromTheSameBucket() {
        String key = "test:" + UUID.randomUUID();
        try (RateLimitStore first = new RedisRateLimitStore(TestInfrastructure.redis().url(), "test:", Duration.ofMinutes(1));
             RateLimitStore second = new RedisRateLimitStore(TestInfrastructure.redis().url(), "test:", Duration.ofMinutes(1))) {
            int consumed = 0;
            for (int i = 0; i < 4; i++) {
                consumed += first.tryConsume(key, FIVE_A_MINUTE).join().isConsumed() ? 1 : 0;
                consumed += second.tryConsume(key, FIVE_A_MINUTE).join().isConsumed() ? 1 : 0;
            }
            assertThat(consumed).isEqualTo(5);
        }
    }

    @Test
    void replicasSharingALargeBucketOverdrawItByAtMostOnePercentEach() {
        BucketConfiguration thousand = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1000).refillGreedy(1000, Duration.ofHours(1)).build()).build();
        String key = "test:" + UUID.randomUUID();
        try (RateLimitStore first = new RedisRateLimitStore(TestInfrastructure.redis().url(), "test:", Duration.ofHours(1));
             RateLimitStore second = new RedisRateLimitStore(TestInfrastructure.redis().url(), "test:", Duration.ofHours(1))) {
            int consumed = 0;
            for (int i = 0; i < 700; i++) {
                consumed += first.tryConsume(key, thousand).join().isConsumed() ? 1 : 0;
                consumed += second.tryConsume(key, thousand).join().isConsumed() ? 1 : 0;
            }
            assertThat(consumed).isBetween(1000, 1020);
        }
    }

    @Test
    void inMemoryBucketsRefuseOverTheLimitAndSayHowLongToWait() {
        RateLimitStore store = new InMemoryRateLimitStore(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(store.tryConsume("k", FIVE_A_MINUTE).join().isConsumed()).isTrue();
        }
        var refused = store.tryConsume("k", FIVE_A_MINUTE).join();
        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(13));
        assertThat(store.tryConsume("other", FIVE_A_MINUTE).join().isConsumed()).isTrue();
    }
}
