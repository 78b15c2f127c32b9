package com.partnersportal.kit.work;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread under every background worker: runs {@code pass} again at once while it says more is waiting, otherwise
 * after {@code pollInterval} or as soon as {@link #wake()} is called (a commit that made new work). A pass that throws
 * is logged and the next one tries again. Stopping lets the pass under way finish (up to {@code stopTimeout}); a pass
 * should look at {@link #running()} between pieces of work and give back what it has not started.
 */
public final class WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final BooleanSupplier pass;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public WorkerLoop(String name, Duration pollInterval, Duration stopTimeout, BooleanSupplier pass) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
        this.pass = pass;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Stops after the pass under way; returns when it has ended or {@code stopTimeout} has passed. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(stopTimeout);
            if (thread.isAlive()) {
                log.warn("{} still busy after {}; what it holds is claimed again when its lease ends", name, stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    public boolean running() {
        return running;
    }

    /** New work was committed: run a pass now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            boolean more;
            try {
                more = pass.getAsBoolean();
            } catch (RuntimeException | Error e) {
                // The loop must outlive anything a pass throws: nothing else would pick the work up again.
                log.warn("{} pass failed; will try again: {}", name, e.toString());
                more = false;
            }
            if (!more) {
                awaitWakeUp();
            }
        }
    }

    private void awaitWakeUp() {
        lock.lock();
        try {
            if (!woken && running) {
                signal.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
