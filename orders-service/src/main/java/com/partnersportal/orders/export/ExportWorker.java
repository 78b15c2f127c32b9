package com.partnersportal.orders.export;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.search.OrderSearch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Produces queued exports in the background: PostgreSQL's COPY streams the matching orders as CSV straight into
 * a file ({@link OrderCsv}, never the whole result in memory), reporting progress as it goes, then marks the export
 * done and announces it for notification-service to mail.
 */
@Component
class ExportWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final OrderSearch search;
    private final OrderCsv csv;
    private final Counter rowsExported;
    private final Timer duration;

    ExportWorker(ExportJobs jobs, ExportFiles files, OrderSearch search, OrderCsv csv, MeterRegistry meters) {
        this.jobs = jobs;
        this.files = files;
        this.search = search;
        this.csv = csv;
        this.rowsExported = Counter.builder("portal.orders.exports.rows").description("Order rows written to CSV exports")
                .register(meters);
        this.duration = Timer.builder("portal.orders.exports.duration").description("Time to produce an order export")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${portal.orders.exports.poll-interval:2s}", initialDelayString = "1s")
    void runQueued() {
        Optional<OrderExport> next;
        while ((next = jobs.claimNext()).isPresent()) {
            run(next.get());
        }
    }

    void run(OrderExport export) {
        Timer.Sample started = Timer.start();
        Path partial = files.partial(export.id());
        try {
            long rows = write(export, partial);
            Path finished = files.finished(export.id());
            Files.move(partial, finished, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (jobs.finish(export, rows, finished.getFileName().toString(), Files.size(finished))) {
                log.info("Order export {} done: {} rows", export.id(), rows);
            } else {
                files.delete(export.id());
                log.info("Order export {} was revoked while it ran; its file was deleted, nothing is mailed", export.id());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Order export {} failed (attempt {}): {}", export.id(), export.attempts(), e.toString());
            files.delete(export.id());
            jobs.fail(export, e.toString());
        } finally {
            started.stop(duration);
        }
    }

    private long write(OrderExport export, Path file) throws IOException {
        ZoneId zone = ZoneId.of(export.timeZone());
        ExportFilters filters = EventJson.read(export.filters().getBytes(StandardCharsets.UTF_8), ExportFilters.class);
        String condition = search.exportCondition(export.merchantId(), filters.toFilter(
                export.createdFrom().atStartOfDay(zone).toInstant(), export.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
        long rows;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            rows = csv.write(condition, zone, out, written -> jobs.progress(export.id(), written));
        }
        rowsExported.increment(rows);
        return rows;
    }

    @Scheduled(fixedDelayString = "${portal.orders.exports.cleanup-interval:15m}", initialDelayString = "30s")
    void deleteExpired() {
        for (OrderExport expired : jobs.expireDue()) {
            files.delete(expired.id());
            log.info("Order export {} expired; its file was deleted", expired.id());
        }
    }
}
