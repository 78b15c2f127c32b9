package com.partnersportal.orders.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A user's request for a CSV of the merchant's orders created in a date range, and how far it has come. */
@Table("order_export")
public class OrderExport {

    @Id
    private UUID id;
    private UUID merchantId;
    private String requestedBy;
    private String recipientEmail;
    private String recipientName;
    private String recipientLocale;
    /** The list filters as JSON ({@link ExportFilters}). */
    private String filters;
    private LocalDate createdFrom;
    private LocalDate createdTo;
    private String timeZone;
    private ExportStatus status;
    private long rowsWritten;
    private String fileName;
    private Long fileSize;
    private String error;
    private int attempts;
    private Instant leaseUntil;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant expiresAt;
    @Version
    private Long version;

    OrderExport() {
    }

    static OrderExport queue(UUID merchantId, String requestedBy, String email, String name, String locale,
            String filters, LocalDate from, LocalDate to, String timeZone, Instant now) {
        OrderExport export = new OrderExport();
        export.id = UUID.randomUUID();
        export.merchantId = merchantId;
        export.requestedBy = requestedBy;
        export.recipientEmail = email;
        export.recipientName = name;
        export.recipientLocale = locale;
        export.filters = filters;
        export.createdFrom = from;
        export.createdTo = to;
        export.timeZone = timeZone;
        export.status = ExportStatus.QUEUED;
        export.createdAt = now;
        return export;
    }

    UUID id() {
        return id;
    }

    UUID merchantId() {
        return merchantId;
    }

    String requestedBy() {
        return requestedBy;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    String recipientName() {
        return recipientName;
    }

    String recipientLocale() {
        return recipientLocale;
    }

    String filters() {
        return filters;
    }

    LocalDate createdFrom() {
        return createdFrom;
    }

    LocalDate createdTo() {
        return createdTo;
    }

    String timeZone() {
        return timeZone;
    }

    ExportStatus status() {
        return status;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    String fileName() {
        return fileName;
    }

    Long fileSize() {
        return fileSize;
    }

    String error() {
        return error;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
