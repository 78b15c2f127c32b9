package com.partnersportal.orders.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An export's progress, as the portal shows it; the download link appears once it is done. */
record ExportView(UUID exportId, String status, long rowsWritten, LocalDate createdFrom, LocalDate createdTo,
        String timeZone, Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt, String downloadUrl,
        String error) {
}
