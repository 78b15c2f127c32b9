package com.partnersportal.webhooks.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant's webhook endpoint stopped receiving deliveries: it failed without a single success for the configured
 * time, or it answered 410 Gone. Published on {@link WebhookTopics#ENDPOINT_EVENTS}, keyed by endpoint id.
 *
 * @param reason            {@code failing_since} (nothing but failures since {@code failingSince}) or {@code gone} (410)
 * @param failingSince      the first failure of the unbroken run of failures; null when the reason is {@code gone}
 * @param lastError         the last attempt's outcome as a person reads it, e.g. "HTTP 500" or "timed out after 15 s"
 * @param undeliveredCount  messages waiting for the endpoint when it was disabled (recoverable after re-enabling)
 */
public record WebhookEndpointDisabled(
        UUID endpointId,
        UUID merchantId,
        String url,
        String description,
        String reason,
        Instant failingSince,
        String lastError,
        long undeliveredCount,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.webhooks.webhook-endpoint-disabled.v1";
}
