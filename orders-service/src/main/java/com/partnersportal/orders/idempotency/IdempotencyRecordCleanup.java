package com.partnersportal.orders.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency records past their retention. Harmless on every replica at once. */
@Component
class IdempotencyRecordCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordCleanup.class);

    private final IdempotentRequests requests;

    IdempotencyRecordCleanup(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "${portal.orders.idempotency.cleanup-interval:15m}", initialDelayString = "1m")
    void deleteExpired() {
        int deleted = requests.deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} idempotency records past their retention", deleted);
        }
    }
}
