package com.partnersportal.orders.export;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.search.OrderSearch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Produces queued exports in the background: streams the matching orders from the database (a server-side
 * cursor, never the whole result in memory) into a CSV file, reporting progress as it goes, then marks the export
 * done and announces it for notification-service to mail.
 */
@Component
class ExportWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    private static final int PROGRESS_EVERY = 5_000;

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final OrderSearch search;
    private final Counter rowsExported;
    private final Timer duration;

    ExportWorker(ExportJobs jobs, ExportFiles files, OrderSearch search, MeterRegistry meters) {
        this.jobs = jobs;
        this.files = files;
        this.search = search;
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
        AtomicLong rows = new AtomicLong();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
             OrderCsv csv = new OrderCsv(out, zone)) {
            search.stream(export.merchantId(), filters.toFilter(export.createdFrom().atStartOfDay(zone).toInstant(),
                    export.createdTo().plusDays(1).atStartOfDay(zone).toInstant()), order -> {
                csv.write(order);
                if (rows.incrementAndGet() % PROGRESS_EVERY == 0) {
                    jobs.progress(export.id(), rows.get());
                }
            });
        }
        rowsExported.increment(rows.get());
        return rows.get();
    }

    @Scheduled(fixedDelayString = "${portal.orders.exports.cleanup-interval:15m}", initialDelayString = "30s")
    void deleteExpired() {
        for (OrderExport expired : jobs.expireDue()) {
            files.delete(expired.id());
            log.info("Order export {} expired; its file was deleted", expired.id());
        }
    }
}
