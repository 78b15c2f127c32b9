package com.partnersportal.orders.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order CSV export finished; notification-service mails the time-limited link to the user who asked.
 * Published on {@link OrderTopics#EXPORT_EVENTS}, keyed by export id.
 */
public record OrderExportReady(
        UUID exportId,
        UUID merchantId,
        UUID requestedBy,
        String recipientEmail,
        String recipientName,
        String recipientLocale,
        LocalDate createdFrom,
        LocalDate createdTo,
        long rowCount,
        String downloadUrl,
        Instant expiresAt,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-export-ready.v1";
}
