package com.partnersportal.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.gateway.rate-limits}: requests per minute per client address (standard and sign-in routes), per
 * signed-in user and per merchant API token; and the Redis that shares the counters between gateway replicas
 * (in memory when {@code redis-url} is empty), under a key prefix of its own when environments share a Redis.
 */
@ConfigurationProperties("portal.gateway.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600") long perAddress,
        @DefaultValue("20") long signInPerAddress,
        @DefaultValue("600") long perUser,
        @DefaultValue("1200") long perApiToken,
        @DefaultValue("1m") Duration window,
        String redisUrl,
        @DefaultValue("portal:gateway:rate:") String redisKeyPrefix) {
}
