package com.partnersportal.kit.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished attempts in batches, group-commit style: one thread takes whatever has finished since its last
 * write (at most {@code max} outcomes) and hands it to {@link WorkQueue#recordAll}. Nothing waits to fill a batch:
 * alone, an outcome is written at once; under load, the outcomes that finish during one write share the next. Each
 * attempt waits until its outcome is written, so its lease and its slot are held until then. A batch that fails is
 * recorded outcome by outcome, so one bad row costs only its own outcome (its lease ends and it is tried again).
 */
final class BatchRecorder<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchRecorder.class);

    private record Pending<T>(Outcome<T> outcome, CompletableFuture<Boolean> recorded) {
    }

    private final String name;
    private final WorkQueue<T> queue;
    private final int max;
    private final Runnable afterWrite;
    private final BlockingQueue<Pending<T>> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /** @param afterWrite called after each batch (its outcomes may have made other work due) */
    BatchRecorder(String name, WorkQueue<T> queue, int max, Runnable afterWrite) {
        this.name = name;
        this.queue = queue;
        this.max = max;
        this.afterWrite = afterWrite;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name + "-recorder").daemon().start(this::run);
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
            thread = null;
        }
    }

    /** Records the outcome and returns once it is written: whether it was (false: its lease had ended). */
    boolean record(Outcome<T> outcome) {
        if (!running) {
            return queue.recordAll(List.of(outcome)).getFirst();
        }
        CompletableFuture<Boolean> recorded = new CompletableFuture<>();
        waiting.add(new Pending<>(outcome, recorded));
        return recorded.join();
    }

    /** Outcomes handed over and not yet taken into a batch. */
    int waiting() {
        return waiting.size();
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(max);
        while (running || !waiting.isEmpty()) {
            try {
                Pending<T> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, max - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("{}: recording outcomes failed: {}", name, e.toString());
                batch.forEach(p -> p.recorded().completeExceptionally(e));
            } finally {
                batch.clear();
            }
            afterWrite.run();
        }
    }

    private void write(List<Pending<T>> batch) {
        try {
            List<Boolean> recorded = queue.recordAll(batch.stream().map(Pending::outcome).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).recorded().complete(recorded.get(i));
            }
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().recorded().completeExceptionally(e);
                return;
            }
            log.warn("{}: recording {} outcomes together failed; recording them one by one: {}", name, batch.size(),
                    e.toString());
        }
        for (Pending<T> pending : batch) {
            try {
                pending.recorded().complete(queue.recordAll(List.of(pending.outcome())).getFirst());
            } catch (RuntimeException e) {
                pending.recorded().completeExceptionally(e);
            }
        }
    }
}
