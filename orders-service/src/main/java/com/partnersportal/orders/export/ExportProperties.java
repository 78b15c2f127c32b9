package com.partnersportal.orders.export;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.orders.exports}: where finished CSV files live (shared storage when several replicas run), how
 * long they stay downloadable, the address the mailed links point at (the gateway), and the secret that signs
 * them; how the background worker polls and retries ({@code poll-interval}, {@code max-attempts}, {@code retry-backoff}).
 */
@ConfigurationProperties("portal.orders.exports")
record ExportProperties(
        Path directory,
        @DefaultValue("7d") Duration retention,
        String publicBaseUrl,
        String linkSecret,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("10s") Duration retryBackoff,
        @DefaultValue("366") int maxDays) {
}
