package com.partnersportal.orders.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the files of exports past their retention; on every replica, each export taken by one (SKIP LOCKED). */
@Component
class ExportExpiry {

    private static final Logger log = LoggerFactory.getLogger(ExportExpiry.class);

    private final ExportJobs jobs;
    private final ExportFiles files;

    ExportExpiry(ExportJobs jobs, ExportFiles files) {
        this.jobs = jobs;
        this.files = files;
    }

    @Scheduled(fixedDelayString = "${portal.orders.exports.cleanup-interval:15m}", initialDelayString = "30s")
    void deleteExpired() {
        for (OrderExport expired : jobs.expireDue()) {
            files.delete(expired.id());
            log.info("Order export {} expired; its file was deleted", expired.id());
        }
    }
}
