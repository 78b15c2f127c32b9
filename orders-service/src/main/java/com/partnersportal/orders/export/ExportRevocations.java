package com.partnersportal.orders.export;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The exports a user asked for stop when their access is revoked. The in-memory revocation view only spans the access
 * tokens' lifetime; a download link lives for days, so this is recorded in the database.
 */
@Service
public class ExportRevocations {

    private static final Logger log = LoggerFactory.getLogger(ExportRevocations.class);

    private final ExportJobs jobs;
    private final ExportFiles files;

    ExportRevocations(ExportJobs jobs, ExportFiles files) {
        this.jobs = jobs;
        this.files = files;
    }

    /** Revokes, in the caller's transaction, every export the user asked for before {@code notBefore}. */
    public void requesterRevoked(UUID userId, Instant notBefore, String reason) {
        for (UUID export : jobs.revokeRequestedBy(userId.toString(), notBefore)) {
            files.delete(export);
            log.info("Order export {} revoked: its requester's access was revoked ({})", export, reason);
        }
    }
}
