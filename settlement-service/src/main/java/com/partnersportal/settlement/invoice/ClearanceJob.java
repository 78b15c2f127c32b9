package com.partnersportal.settlement.invoice;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every replica drains the ZATCA submission queue every {@code portal.settlement.zatca.submissions.poll-interval};
 * the claim's row lock and lease let one send at a time, in chain order. On shutdown the scheduler lets a drain in
 * progress finish (spring.task.scheduling.shutdown), so a graceful restart leaves no submission in doubt.
 */
@Component
class ClearanceJob {

    private final ClearanceWorker worker;

    ClearanceJob(ClearanceWorker worker) {
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${portal.settlement.zatca.submissions.poll-interval:2s}",
            fixedDelayString = "${portal.settlement.zatca.submissions.poll-interval:2s}")
    void drain() {
        worker.drain();
    }
}
