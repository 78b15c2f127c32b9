package com.partnersportal.webhooks.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes finished attempts in batches, group-commit style: one thread takes whatever has finished since its last
 * write (at most {@code max} outcomes) and records it in one transaction. Nothing waits to fill a batch: alone, an
 * outcome is written at once; under load, the outcomes that finish during one write share the next. Each attempt's
 * worker waits until its outcome is committed, so the message's lease and this replica's slot are held until then,
 * as before. A batch that fails is recorded outcome by outcome, so one bad row costs only its own outcome (its lease
 * expires and it is sent again with the same webhook-id).
 */
final class Recorder {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private record Pending(Outcome outcome, CompletableFuture<String> recorded) {
    }

    private final Outcomes outcomes;
    private final int max;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Runnable afterWrite;
    private volatile boolean running;
    private Thread thread;

    /** @param afterWrite called after each batch is committed (the dispatcher looks for messages it made due) */
    Recorder(Outcomes outcomes, int max, Runnable afterWrite) {
        this.outcomes = outcomes;
        this.max = max;
        this.afterWrite = afterWrite;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("webhook-recorder").daemon().start(this::run);
    }

    /** Stops once everything handed over so far is written. */
    synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records the outcome; returns once it is committed. @return the message's new status */
    String record(Outcome outcome) {
        if (!running) {
            outcomes.recordAll(List.of(outcome));
            return outcome.status();
        }
        CompletableFuture<String> recorded = new CompletableFuture<>();
        queue.add(new Pending(outcome, recorded));
        return recorded.join();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(max);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, max - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("Recording webhook attempts failed: {}", e.toString());
                batch.forEach(p -> p.recorded().completeExceptionally(e));
            } finally {
                batch.clear();
            }
            afterWrite.run();
        }
    }

    private void write(List<Pending> batch) {
        try {
            outcomes.recordAll(batch.stream().map(Pending::outcome).toList());
            batch.forEach(p -> p.recorded().complete(p.outcome().status()));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().recorded().completeExceptionally(e);
                return;
            }
            log.warn("Recording {} webhook attempts together failed; recording them one by one: {}", batch.size(),
                    e.toString());
        }
        for (Pending pending : batch) {
            try {
                outcomes.recordAll(List.of(pending.outcome()));
                pending.recorded().complete(pending.outcome().status());
            } catch (RuntimeException e) {
                pending.recorded().completeExceptionally(e);
            }
        }
    }
}
