package com.partnersportal.kit.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives a {@link WorkQueue} on every replica: claims due work under a lease, attempts each piece, and records the
 * outcome under that lease: success, a retry at a jittered exponential backoff ({@link RetrySchedule}), or giving up
 * after the last attempt or a permanent failure. A crashed holder's work is claimed again once its lease ends.
 * Stopping finishes the piece under way and gives the rest of the batch back. {@link #wake()} runs a pass at once.
 */
public class DurableWorker<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DurableWorker.class);

    private final String name;
    private final WorkQueue<T> queue;
    private final RetrySchedule schedule;
    private final Settings settings;
    private final Clock clock;
    private final WorkMetrics metrics;
    private final WorkerLoop loop;
    private volatile boolean started;

    /**
     * @param pollInterval pause between passes that found nothing due (a {@link #wake()} cuts it short)
     * @param batchSize    pieces of work claimed per pass
     * @param lease        how long a claim holds; keep it well above {@code batchSize} times the longest attempt
     * @param stopTimeout  how long stopping waits for the piece under way
     */
    public record Settings(Duration pollInterval, int batchSize, Duration lease, Duration stopTimeout) {

        public Settings {
            if (!pollInterval.isPositive() || batchSize < 1 || !lease.isPositive() || stopTimeout.isNegative()) {
                throw new IllegalArgumentException("worker: poll-interval and lease positive, batch-size at least 1");
            }
        }
    }

    public DurableWorker(String name, WorkQueue<T> queue, RetrySchedule schedule, Settings settings, Clock clock,
            MeterRegistry meters) {
        this.name = name;
        this.queue = queue;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
        this.metrics = new WorkMetrics(name, meters);
        this.loop = new WorkerLoop(name, settings.pollInterval(), settings.stopTimeout(),
                () -> pass() == settings.batchSize());
    }

    /**
     * One pass: gives up abandoned work, then claims a batch and attempts each piece in turn. Returns how many pieces
     * it claimed. Public for tests and for callers that drive the queue themselves.
     */
    public int pass() {
        Instant now = clock.instant();
        int abandoned = queue.giveUpAbandoned(now, schedule.maxAttempts());
        if (abandoned > 0) {
            metrics.gaveUp(abandoned);
            metrics.leaseExpired(abandoned);
            log.warn("{}: gave up {} piece(s) of work whose last attempt was never reported", name, abandoned);
        }
        Lease lease = Lease.from(now, settings.lease());
        List<Claimed<T>> batch = queue.claim(lease, settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Timer.Sample timing = Timer.start();
        metrics.claimed(batch.size());
        metrics.leaseExpired((int) batch.stream().filter(Claimed::leaseExpired).count());
        try {
            for (int i = 0; i < batch.size(); i++) {
                if (started && !loop.running()) {
                    batch.subList(i, batch.size()).forEach(work -> queue.release(work, lease));
                    log.info("{}: stopping; gave back {} claimed piece(s) of work", name, batch.size() - i);
                    break;
                }
                attempt(batch.get(i), lease);
            }
        } finally {
            timing.stop(metrics.batchDuration());
        }
        return batch.size();
    }

    private void attempt(Claimed<T> work, Lease lease) {
        String item = queue.describe(work.item());
        if (work.leaseExpired()) {
            log.warn("{}: {} claimed again, its previous holder's lease ran out (attempt {})", name, item, work.attempt());
        }
        if (work.attempt() > schedule.maxAttempts()) {
            // Its last attempt's holder died after the abandoned check of this pass: trying again could do it twice.
            if (queue.giveUp(work, lease, "no outcome was recorded for the last attempt (its holder stopped); given up")) {
                metrics.gaveUp(1);
            }
            log.warn("{}: gave up {}: its last attempt was never reported", name, item);
            return;
        }
        try {
            if (queue.process(work, lease)) {
                metrics.succeeded(1);
            } else {
                log.warn("{}: {} done after its lease had ended; another worker may repeat it", name, item);
            }
        } catch (Exception e) {
            failed(work, lease, item, e);
        }
    }

    private void failed(Claimed<T> work, Lease lease, String item, Exception e) {
        String error = queue.error(e);
        boolean permanent = queue.permanent(e);
        if (permanent || schedule.exhausted(work.attempt())) {
            if (queue.giveUp(work, lease, error)) {
                metrics.gaveUp(1);
            }
            log.warn("{}: gave up {} after {} attempt(s){}: {}", name, item, work.attempt(),
                    permanent ? " (permanent failure)" : "", error);
        } else {
            Instant next = clock.instant().plus(schedule.jitteredDelayAfter(work.attempt()));
            if (queue.retry(work, lease, next, error)) {
                metrics.retried();
            }
            log.info("{}: attempt {} of {} failed, next at {}: {}", name, work.attempt(), item, next, error);
        }
    }

    /** New work was committed: claim now rather than at the next poll. */
    public void wake() {
        loop.wake();
    }

    @Override
    public void start() {
        started = true;
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }
}
