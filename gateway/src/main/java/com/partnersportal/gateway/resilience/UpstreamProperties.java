package com.partnersportal.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.gateway.upstreams}: how long the gateway waits for a service's answer (per service, and per
 * route where one needs longer), how long it waits for the next part of an answer already begun, and when a
 * service's circuit opens (failure rate over a sliding window of calls) and for how long it stays open before
 * letting trial calls through.
 */
@ConfigurationProperties("portal.gateway.upstreams")
record UpstreamProperties(
        @DefaultValue("10s") Duration timeout,
        Map<String, Duration> timeouts,
        Map<String, Duration> routeTimeouts,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("10s") Duration openFor) {

    Duration timeoutFor(String upstream, String routeId) {
        if (routeTimeouts != null && routeTimeouts.containsKey(routeId)) {
            return routeTimeouts.get(routeId);
        }
        return timeouts != null && timeouts.containsKey(upstream) ? timeouts.get(upstream) : timeout;
    }
}
