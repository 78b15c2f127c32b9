package com.partnersportal.settlement.closing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs on every replica every few seconds; the profiles' row locks make each period close once. The schedule is a
 * poll rather than a cron at midnight so that periods missed while no replica ran are caught up at the next start,
 * and each entity's own midnight (its time zone) is honoured.
 */
@Component
class CloseJob {

    private final Closer closer;

    CloseJob(Closer closer) {
        this.closer = closer;
    }

    @Scheduled(fixedDelayString = "${portal.settlement.close-poll-interval:5s}",
            initialDelayString = "${portal.settlement.close-poll-interval:5s}")
    void closeDue() {
        closer.closeAllDue();
    }
}
