package com.partnersportal.orders.timer;

import com.partnersportal.orders.order.Actors;
import com.partnersportal.orders.order.OrderOperations;
import com.partnersportal.orders.order.OrderRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the orders' timers: new orders unpaid for 30 minutes and approved orders unauthorised for 72 hours
 * expire; authorised orders nobody captured for 21 days are captured in full (each per merchant). The deadlines
 * live on the orders' rows, so they survive restarts; every replica may run this job, and each order is changed
 * once, because each firing re-checks the deadline under the order's row lock.
 */
@Component
public class OrderTimerJob {

    private static final Logger log = LoggerFactory.getLogger(OrderTimerJob.class);
    private static final int BATCH = 200;

    private final OrderRepository orders;
    private final OrderOperations operations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter expired;
    private final Counter autoCaptured;

    OrderTimerJob(OrderRepository orders, OrderOperations operations, TransactionTemplate transaction, Clock clock,
            MeterRegistry meters) {
        this.orders = orders;
        this.operations = operations;
        this.transaction = transaction;
        this.clock = clock;
        this.expired = Counter.builder("portal.orders.timers.expired").description("Orders expired by their timer")
                .register(meters);
        this.autoCaptured = Counter.builder("portal.orders.timers.auto.captured")
                .description("Authorised orders captured in full by their timer").register(meters);
    }

    @Scheduled(fixedDelayString = "${portal.orders.timers.poll-interval:5s}", initialDelayString = "${portal.orders.timers.poll-interval:5s}")
    public void fireDue() {
        fire(() -> orders.dueToExpire(clock.instant(), BATCH), id -> operations.expireIfDue(id, Actors.TIMERS), expired);
        fire(() -> orders.dueForAutoCapture(clock.instant(), BATCH), id -> operations.autoCaptureIfDue(id, Actors.TIMERS),
                autoCaptured);
    }

    private void fire(Supplier<List<UUID>> due, Consumer<UUID> action, Counter fired) {
        List<UUID> ids;
        int passes = 0;
        do {
            ids = transaction.execute(status -> due.get());
            for (UUID id : ids) {
                try {
                    action.accept(id);
                    fired.increment();
                } catch (RuntimeException e) {
                    log.warn("Timer of order {} failed; it fires again on the next pass: {}", id, e.toString());
                }
            }
        } while (ids.size() == BATCH && ++passes < 50);
    }
}
