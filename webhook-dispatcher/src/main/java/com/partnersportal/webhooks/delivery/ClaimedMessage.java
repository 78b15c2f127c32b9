package com.partnersportal.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message this replica claimed, with all it takes to send it.
 *
 * @param claimedAt    when the lease was taken: a message due again after it was resent meanwhile
 * @param leaseExpired whether another replica's lease on it ran out without an outcome (it died or hung mid-attempt)
 */
record ClaimedMessage(UUID id, UUID endpointId, UUID merchantId, String eventType, UUID orderId, boolean test, String payload,
        int attempts, Instant occurredAt, String url, Map<String, String> headers, Integer rateLimit,
        int maxConcurrency, List<String> secrets, String notificationToken, Instant claimedAt, boolean leaseExpired) {
}
