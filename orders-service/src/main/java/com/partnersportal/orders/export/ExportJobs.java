package com.partnersportal.orders.export;

import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import com.partnersportal.orders.contract.OrderTopics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export queue's state changes. A worker claims a queued export (or one whose worker died: its lease ran
 * out) with {@code FOR UPDATE SKIP LOCKED}, so each export is worked on by one replica at a time; finishing
 * publishes the ready (or failed) event in the same transaction.
 */
@Component
class ExportJobs {

    /** A running export renews its lease as it writes; one not renewed for this long is taken over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final OrderExportRepository exports;
    private final Outbox outbox;
    private final SignedLinks links;
    private final ExportProperties properties;
    private final Clock clock;

    ExportJobs(JdbcClient jdbc, OrderExportRepository exports, Outbox outbox, SignedLinks links,
            ExportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.exports = exports;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Optional<OrderExport> claimNext() {
        Instant now = clock.instant();
        Optional<UUID> next = jdbc.sql("""
                        SELECT id FROM order_export
                        WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < :now)
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
        next.ifPresent(id -> jdbc.sql("""
                        UPDATE order_export SET status = 'RUNNING', attempts = attempts + 1, rows_written = 0,
                            started_at = :now, lease_until = :leaseUntil, version = version + 1
                        WHERE id = :id""")
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(LEASE)))
                .param("id", id)
                .update());
        return next.flatMap(exports::findById);
    }

    /** Progress for the status endpoint, and proof of life for the lease. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID exportId, long rowsWritten) {
        jdbc.sql("UPDATE order_export SET rows_written = :rows, lease_until = :leaseUntil WHERE id = :id")
                .param("rows", rowsWritten)
                .param("leaseUntil", Timestamp.from(clock.instant().plus(LEASE)))
                .param("id", exportId)
                .update();
    }

    /**
     * Done and announced, unless the export was revoked meanwhile (its requester lost their access): then it stays
     * revoked and nothing is announced, so nothing is mailed. Returns whether it was finished.
     */
    @Transactional
    boolean finish(OrderExport export, long rows, String fileName, long fileSize) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.retention());
        int finished = jdbc.sql("""
                        UPDATE order_export SET status = 'DONE', rows_written = :rows, file_name = :fileName,
                            file_size = :fileSize, finished_at = :now, expires_at = :expiresAt, lease_until = NULL,
                            error = NULL, version = version + 1
                        WHERE id = :id AND status = 'RUNNING'""")
                .param("rows", rows)
                .param("fileName", fileName)
                .param("fileSize", fileSize)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("id", export.id())
                .update();
        if (finished == 0) {
            return false;
        }
        outbox.append(OrderTopics.EXPORT_EVENTS, export.id().toString(), OrderExportReady.TYPE, export.id().toString(),
                new OrderExportReady(export.id(), export.merchantId(), userId(export), export.recipientEmail(),
                        export.recipientName(), export.recipientLocale(), export.createdFrom(), export.createdTo(), rows,
                        links.link(ExportConfiguration.downloadPath(export.id()), export.id().toString(), expiresAt),
                        expiresAt, now));
        return true;
    }

    /** Back to the queue for another attempt, or failed for good (and the user told) after the last. */
    @Transactional
    void fail(OrderExport export, String reason) {
        Instant now = clock.instant();
        boolean finalAttempt = export.attempts() >= properties.maxAttempts();
        boolean failed = jdbc.sql("""
                        UPDATE order_export SET status = :status, error = :error, lease_until = NULL,
                            finished_at = :finishedAt, version = version + 1
                        WHERE id = :id AND status = 'RUNNING'""")
                .param("status", finalAttempt ? ExportStatus.FAILED.name() : ExportStatus.QUEUED.name())
                .param("error", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("finishedAt", finalAttempt ? Timestamp.from(now) : null)
                .param("id", export.id())
                .update() == 1;
        if (failed && finalAttempt) {
            outbox.append(OrderTopics.EXPORT_EVENTS, export.id().toString(), OrderExportFailed.TYPE,
                    export.id().toString(), new OrderExportFailed(export.id(), export.merchantId(), userId(export),
                            export.recipientEmail(), export.recipientName(), export.recipientLocale(),
                            "The export could not be produced; please try again.", now));
        }
    }

    /**
     * The exports a user asked for before {@code notBefore} that are not yet over are revoked: a queued or running
     * one is never finished nor mailed, a done one's link stops working. Returns the ids, whose files must go.
     */
    @Transactional
    List<UUID> revokeRequestedBy(String userId, Instant notBefore) {
        return jdbc.sql("""
                        UPDATE order_export SET status = 'REVOKED', lease_until = NULL, version = version + 1
                        WHERE requested_by = :user AND created_at < :notBefore AND status IN ('QUEUED', 'RUNNING', 'DONE')
                        RETURNING id""")
                .param("user", userId)
                .param("notBefore", Timestamp.from(notBefore))
                .query(UUID.class)
                .list();
    }

    /** Exports past their retention: their files go, the record stays as expired. */
    @Transactional
    List<OrderExport> expireDue() {
        List<UUID> due = jdbc.sql("""
                        SELECT id FROM order_export WHERE status = 'DONE' AND expires_at < :now
                        LIMIT 500 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .list();
        List<OrderExport> expired = due.stream().map(exports::findById).flatMap(Optional::stream).toList();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE order_export SET status = 'EXPIRED', version = version + 1 WHERE id IN (:ids)")
                    .param("ids", due)
                    .update();
        }
        return expired;
    }

    private static UUID userId(OrderExport export) {
        try {
            return UUID.fromString(export.requestedBy());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
