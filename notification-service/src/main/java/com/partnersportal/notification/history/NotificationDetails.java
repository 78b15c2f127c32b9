package com.partnersportal.notification.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification and its delivery. {@code nextAttemptAt} is when a pending mail is tried next (while a sender
 * holds it, when that sender's lease ends). Never the mail's body: it may carry a link's secret.
 */
record NotificationDetails(UUID id, String kind, String recipient, String language, String subject, String status,
        int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt, String eventId, String eventType,
        Instant createdAt, Instant sentAt, Instant failedAt) {
}
