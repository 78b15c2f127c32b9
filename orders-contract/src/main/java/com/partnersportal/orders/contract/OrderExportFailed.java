package com.partnersportal.orders.contract;

import java.time.Instant;
import java.util.UUID;

/** An order CSV export could not be produced; the requester is told so instead of waiting for a mail. */
public record OrderExportFailed(
        UUID exportId,
        UUID merchantId,
        UUID requestedBy,
        String recipientEmail,
        String recipientName,
        String recipientLocale,
        String reason,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-export-failed.v1";
}
