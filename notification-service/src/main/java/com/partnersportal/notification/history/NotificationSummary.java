package com.partnersportal.notification.history;

import java.time.Instant;
import java.util.UUID;

/** One notification in a list. Never the mail's body: it may carry a link's secret. */
record NotificationSummary(UUID id, String kind, String recipient, String language, String subject, String status,
        int attempts, String lastError, String eventId, Instant createdAt, Instant sentAt, Instant failedAt) {
}
