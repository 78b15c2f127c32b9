package com.partnersportal.webhooks.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An endpoint as both APIs show it; the secret only through its own call. */
public record EndpointView(UUID webhookId, String type, String url, List<String> events, Map<String, String> headers,
        String description, boolean enabled, String disabledReason, Instant disabledAt, Integer rateLimit,
        Integer maxConcurrency, Instant failingSince, Instant lastSuccessAt, Instant createdAt, Instant updatedAt) {

    public static EndpointView of(Endpoint e) {
        return new EndpointView(e.id(), "order", e.url(), e.eventTypes(), e.headers(), e.description(), e.enabled(),
                e.disabledReason(), e.disabledAt(), e.rateLimit(), e.maxConcurrency(), e.failingSince(),
                e.lastSuccessAt(), e.createdAt(), e.updatedAt());
    }
}
