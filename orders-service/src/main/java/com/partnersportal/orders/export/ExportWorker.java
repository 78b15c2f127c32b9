package com.partnersportal.orders.export;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.WorkQueue;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces queued exports in the background, as the kit's {@link DurableWorker} drives it: PostgreSQL's COPY streams
 * the matching orders as CSV straight into a file ({@link OrderCsv}, never the whole result in memory), reporting
 * progress as it goes, then marks the export done and announces it for notification-service to mail. A failed
 * attempt is queued again after a backoff; the last one fails the export and tells the user.
 */
class ExportWorker implements WorkQueue<OrderExport> {

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

    @Override
    public List<Claimed<OrderExport>> claim(Lease lease, int limit) {
        return jobs.claim(lease, limit);
    }

    @Override
    public boolean process(Claimed<OrderExport> work, Lease lease) throws IOException {
        OrderExport export = work.item();
        Timer.Sample started = Timer.start();
        Path partial = files.partial(export.id());
        try {
            long rows = write(export, partial);
            Path finished = files.finished(export.id());
            Files.move(partial, finished, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (jobs.finish(export, lease, rows, finished.getFileName().toString(), Files.size(finished))) {
                log.info("Order export {} done: {} rows", export.id(), rows);
            } else {
                files.delete(export.id());
                log.info("Order export {} was revoked while it ran; its file was deleted, nothing is mailed", export.id());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            files.delete(export.id());
            throw e;
        } finally {
            started.stop(duration);
        }
    }

    @Override
    public boolean retry(Claimed<OrderExport> work, Lease lease, Instant next, String error) {
        return jobs.retry(work.item(), lease, next, error);
    }

    @Override
    public boolean giveUp(Claimed<OrderExport> work, Lease lease, String error) {
        return jobs.giveUp(work.item(), lease, error);
    }

    @Override
    public String describe(OrderExport export) {
        return "order export " + export.id();
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
}
