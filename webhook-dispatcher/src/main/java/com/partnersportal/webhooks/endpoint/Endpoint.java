package com.partnersportal.webhooks.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A merchant's webhook endpoint: where, what it subscribes to, and how healthy it is. */
public record Endpoint(
        UUID id,
        UUID merchantId,
        String url,
        String description,
        List<String> eventTypes,
        Map<String, String> headers,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Integer rateLimit,
        Integer maxConcurrency,
        Instant failingSince,
        Instant lastSuccessAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {
}
