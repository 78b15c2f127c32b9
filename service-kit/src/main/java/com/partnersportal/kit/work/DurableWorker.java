package com.partnersportal.kit.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives a {@link WorkQueue} on every replica: claims due work under a lease, attempts each piece, and records the
 * outcome under that lease: success, a retry by the {@link RetrySchedule} (exponential or a fixed list, jittered),
 * or giving up after the last attempt or a permanent failure. A crashed holder's work is claimed again once its lease
 * ends. By default attempts run one after another on the worker's thread and each outcome is recorded on its own;
 * with {@link Settings#concurrency()} above one they run on virtual threads, at most that many at once, and with
 * {@link Settings#recordBatch()} above one their outcomes are recorded together ({@link WorkQueue#recordAll}).
 * Stopping finishes what is under way and gives the rest back. {@link #wake()} runs a pass at once; so does a
 * finished concurrent attempt.
 */
public class DurableWorker<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DurableWorker.class);
    /** Finished attempts wake the loop one by one; a moment's wait after a wake-up lets one claim serve many. */
    private static final Duration COALESCE = Duration.ofMillis(5);

    private final String name;
    private final WorkQueue<T> queue;
    private final RetrySchedule schedule;
    private final Settings settings;
    private final Clock clock;
    private final WorkMetrics metrics;
    private final WorkerLoop loop;
    /** Free places for concurrent attempts; null when attempts run on the worker's thread. */
    private final Semaphore slots;
    /** Null when each attempt records its own outcome. */
    private final BatchRecorder<T> recorder;
    private volatile boolean started;
    /** Whether the last concurrent pass ended waiting for a wake-up. */
    private boolean waited;

    /**
     * @param pollInterval pause between passes that found nothing due (a {@link #wake()} cuts it short)
     * @param batchSize    pieces of work claimed per pass
     * @param lease        how long a claim holds; keep it well above the longest attempt (times {@code batchSize}
     *                     when attempts run one after another)
     * @param stopTimeout  how long stopping waits for the attempts under way
     * @param concurrency  1: attempts one after another on the worker's thread; more: each on a virtual thread, at
     *                     most this many at once, and a pass claims only for the free places
     * @param recordBatch  1: each attempt records its outcome; more: one thread records the outcomes that finished
     *                     meanwhile together, up to this many
     */
    public record Settings(Duration pollInterval, int batchSize, Duration lease, Duration stopTimeout, int concurrency,
            int recordBatch) {

        public Settings {
            if (!pollInterval.isPositive() || batchSize < 1 || !lease.isPositive() || stopTimeout.isNegative()
                    || concurrency < 1 || recordBatch < 1) {
                throw new IllegalArgumentException("worker: poll-interval and lease positive, batch-size, concurrency"
                        + " and record-batch at least 1");
            }
        }

        public Settings(Duration pollInterval, int batchSize, Duration lease, Duration stopTimeout) {
            this(pollInterval, batchSize, lease, stopTimeout, 1, 1);
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
        this.slots = settings.concurrency() > 1 ? new Semaphore(settings.concurrency()) : null;
        this.recorder = settings.recordBatch() > 1
                ? new BatchRecorder<>(name, queue, settings.recordBatch(), this::wake) : null;
        this.loop = new WorkerLoop(name, settings.pollInterval(), settings.stopTimeout(),
                slots == null ? () -> pass() == settings.batchSize() : this::passForFreeSlots);
    }

    /**
     * One pass: gives up abandoned work, then claims a batch (concurrently: at most one piece per free place) and
     * attempts each piece, in turn or each on its own thread. Returns how many pieces it claimed. Public for tests
     * and for callers that drive the queue themselves.
     */
    public int pass() {
        return pass(slots == null ? settings.batchSize() : Math.min(settings.batchSize(), slots.availablePermits()));
    }

    private boolean passForFreeSlots() {
        if (waited) {
            pause(COALESCE);
        }
        int wanted = Math.min(settings.batchSize(), slots.availablePermits());
        waited = true;
        int got = pass(wanted);
        waited = got < wanted || wanted == 0;
        return !waited;
    }

    private int pass(int limit) {
        Instant now = clock.instant();
        int abandoned = queue.giveUpAbandoned(now, schedule.maxAttempts());
        if (abandoned > 0) {
            metrics.gaveUp(abandoned);
            metrics.leaseExpired(abandoned);
            log.warn("{}: gave up {} piece(s) of work whose last attempt was never reported", name, abandoned);
        }
        if (limit == 0) {
            return 0;
        }
        Lease lease = Lease.from(now, settings.lease());
        List<Claimed<T>> batch = queue.claim(lease, limit);
        if (batch.isEmpty()) {
            return 0;
        }
        metrics.claimed(batch.size());
        metrics.leaseExpired((int) batch.stream().filter(Claimed::leaseExpired).count());
        if (slots == null) {
            attemptInTurn(batch, lease);
        } else {
            attemptConcurrently(batch, lease);
        }
        return batch.size();
    }

    private void attemptInTurn(List<Claimed<T>> batch, Lease lease) {
        Timer.Sample timing = Timer.start();
        try {
            for (int i = 0; i < batch.size(); i++) {
                if (started && !loop.running()) {
                    batch.subList(i, batch.size()).forEach(work -> {
                        queue.release(work, lease);
                        queue.finished(work);
                    });
                    log.info("{}: stopping; gave back {} claimed piece(s) of work", name, batch.size() - i);
                    break;
                }
                try {
                    attempt(batch.get(i), lease);
                } finally {
                    queue.finished(batch.get(i));
                }
            }
        } finally {
            timing.stop(metrics.batchDuration());
        }
    }

    /** Each piece on its own virtual thread; the batch's time runs until its last outcome is recorded. */
    private void attemptConcurrently(List<Claimed<T>> batch, Lease lease) {
        Timer.Sample timing = Timer.start();
        AtomicInteger left = new AtomicInteger(batch.size());
        for (Claimed<T> work : batch) {
            slots.acquireUninterruptibly();
            Thread.ofVirtual().name(name + "-attempt").start(() -> {
                try {
                    attempt(work, lease);
                } catch (RuntimeException | Error e) {
                    log.error("{}: recording the attempt of {} failed; it is tried again when its lease ends: {}", name,
                            queue.describe(work.item()), e.toString());
                } finally {
                    queue.finished(work);
                    slots.release();
                    if (left.decrementAndGet() == 0) {
                        timing.stop(metrics.batchDuration());
                    }
                    loop.wake();
                }
            });
        }
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
        Attempt attempt;
        try {
            attempt = queue.attempt(work, lease);
        } catch (Exception e) {
            attempt = queue.permanent(e) ? Attempt.failedForGood(queue.error(e), null)
                    : Attempt.failed(queue.error(e), null, null);
        }
        switch (attempt.kind()) {
            case RECORDED -> metrics.succeeded(1);
            case LEASE_LOST -> log.warn("{}: {} done after its lease had ended; another worker may repeat it", name, item);
            case SUCCEEDED -> record(new Outcome<>(work, lease, Outcome.Status.SUCCEEDED, null, null, attempt.report()));
            case FAILED, FAILED_FOR_GOOD -> failed(work, lease, item, attempt);
            case GIVEN_BACK -> {
                // The queue gave it back untried; nothing happened to record.
            }
        }
    }

    private void failed(Claimed<T> work, Lease lease, String item, Attempt attempt) {
        boolean permanent = attempt.kind() == Attempt.Kind.FAILED_FOR_GOOD;
        Optional<Duration> wait = permanent ? Optional.empty() : schedule.nextDelay(work.attempt(), attempt.requestedWait());
        if (wait.isEmpty()) {
            record(new Outcome<>(work, lease, Outcome.Status.GIVE_UP, null, attempt.error(), attempt.report()));
            log.warn("{}: gave up {} after {} attempt(s){}: {}", name, item, work.attempt(),
                    permanent ? " (permanent failure)" : "", attempt.error());
        } else {
            Instant next = clock.instant().plus(wait.get());
            record(new Outcome<>(work, lease, Outcome.Status.RETRY, next, attempt.error(), attempt.report()));
            log.info("{}: attempt {} of {} failed, next at {}: {}", name, work.attempt(), item, next, attempt.error());
        }
    }

    private void record(Outcome<T> outcome) {
        boolean recorded = recorder != null ? recorder.record(outcome) : queue.recordAll(List.of(outcome)).getFirst();
        if (recorded) {
            switch (outcome.status()) {
                case SUCCEEDED -> metrics.succeeded(1);
                case RETRY -> metrics.retried();
                case GIVE_UP -> metrics.gaveUp(1);
            }
        }
    }

    /** New work was committed (or made due): claim now rather than at the next poll. */
    public void wake() {
        loop.wake();
    }

    /** Attempts running now (concurrent workers; 0 otherwise). */
    public int inFlight() {
        return slots == null ? 0 : settings.concurrency() - slots.availablePermits();
    }

    /** Outcomes handed to the batch recorder and not yet taken into a batch (for tests). */
    int outcomesWaiting() {
        return recorder == null ? 0 : recorder.waiting();
    }

    @Override
    public void start() {
        started = true;
        if (recorder != null) {
            recorder.start();
        }
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        if (slots != null) {
            awaitAttempts();
        }
        if (recorder != null) {
            recorder.stop();
        }
    }

    /** Lets the concurrent attempts under way finish and record their outcome, up to the stop timeout. */
    private void awaitAttempts() {
        try {
            if (slots.tryAcquire(settings.concurrency(), settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(settings.concurrency());
            } else {
                log.warn("{}: attempts still running after {}; they are tried again when their leases end", name,
                        settings.stopTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
