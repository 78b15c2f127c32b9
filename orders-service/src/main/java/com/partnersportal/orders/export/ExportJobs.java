package com.partnersportal.orders.export;

import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import com.partnersportal.orders.contract.OrderTopics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export queue's state changes. The kit's worker claims a due queued export (or one whose worker died: its lease
 * ran out) with {@code FOR UPDATE SKIP LOCKED} under a lease, so each export is worked on by one replica at a time and
 * only that lease records the outcome; finishing publishes the ready (or, given up, failed) event in the same
 * transaction.
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

    /**
     * Claims up to {@code limit} exports for {@code lease}, oldest first: queued ones that are due, and running ones
     * whose worker died (their lease ran out). Counts the attempt.
     */
    @Transactional
    List<Claimed<OrderExport>> claim(Lease lease, int limit) {
        Instant now = lease.start();
        List<Map<String, Object>> due = jdbc.sql("""
                        SELECT id, status FROM order_export
                        WHERE (status = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= :now))
                           OR (status = 'RUNNING' AND lease_until < :now)
                        ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query()
                .listOfRows();
        List<Claimed<OrderExport>> claimed = new ArrayList<>(due.size());
        for (Map<String, Object> row : due) {
            UUID id = (UUID) row.get("id");
            jdbc.sql("""
                            UPDATE order_export SET status = 'RUNNING', attempts = attempts + 1, rows_written = 0,
                                started_at = :now, lease_until = :leaseUntil, claimed_by = :lease, next_attempt_at = NULL,
                                version = version + 1
                            WHERE id = :id""")
                    .param("now", Timestamp.from(now))
                    .param("leaseUntil", Timestamp.from(now.plus(LEASE)))
                    .param("lease", lease.id())
                    .param("id", id)
                    .update();
            exports.findById(id).ifPresent(export -> claimed.add(
                    new Claimed<>(export, export.attempts(), "RUNNING".equals(row.get("status")))));
        }
        return claimed;
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
     * revoked and nothing is announced, so nothing is mailed; the same when the lease was lost. Returns whether it was
     * finished.
     */
    @Transactional
    boolean finish(OrderExport export, Lease lease, long rows, String fileName, long fileSize) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.retention());
        int finished = jdbc.sql("""
                        UPDATE order_export SET status = 'DONE', rows_written = :rows, file_name = :fileName,
                            file_size = :fileSize, finished_at = :now, expires_at = :expiresAt, lease_until = NULL,
                            error = NULL, version = version + 1
                        WHERE id = :id AND status = 'RUNNING' AND claimed_by = :lease""")
                .param("lease", lease.id())
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

    /** Back to the queue, to be tried again at {@code next}. False when the lease was lost or it was revoked. */
    @Transactional
    boolean retry(OrderExport export, Lease lease, Instant next, String reason) {
        return jdbc.sql("""
                        UPDATE order_export SET status = 'QUEUED', error = :error, lease_until = NULL, claimed_by = NULL,
                            next_attempt_at = :next, version = version + 1
                        WHERE id = :id AND status = 'RUNNING' AND claimed_by = :lease""")
                .param("error", truncate(reason))
                .param("next", Timestamp.from(next))
                .param("id", export.id())
                .param("lease", lease.id())
                .update() == 1;
    }

    /** Failed for good, and the user told. False when the lease was lost or it was revoked. */
    @Transactional
    boolean giveUp(OrderExport export, Lease lease, String reason) {
        Instant now = clock.instant();
        boolean failed = jdbc.sql("""
                        UPDATE order_export SET status = 'FAILED', error = :error, lease_until = NULL, claimed_by = NULL,
                            finished_at = :now, version = version + 1
                        WHERE id = :id AND status = 'RUNNING' AND claimed_by = :lease""")
                .param("error", truncate(reason))
                .param("now", Timestamp.from(now))
                .param("id", export.id())
                .param("lease", lease.id())
                .update() == 1;
        if (failed) {
            outbox.append(OrderTopics.EXPORT_EVENTS, export.id().toString(), OrderExportFailed.TYPE,
                    export.id().toString(), new OrderExportFailed(export.id(), export.merchantId(), userId(export),
                            export.recipientEmail(), export.recipientName(), export.recipientLocale(),
                            "The export could not be produced; please try again.", now));
        }
        return failed;
    }

    private static String truncate(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
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
