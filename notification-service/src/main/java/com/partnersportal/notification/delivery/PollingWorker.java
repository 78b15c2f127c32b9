package com.partnersportal.notification.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop that runs on every replica: {@link #pass()} every poll interval, on one daemon thread, from
 * start to stop. A pass that fails is logged and the next one tries again. Stopping lets the pass under way finish
 * (up to 20 s); what it had not reached is claimed again once its lease ends.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    protected PollingWorker(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One pass over what is due; runs only on the worker's thread. Long passes should stop when not running. */
    protected abstract void pass();

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("{} pass failed; will try again: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(this::passQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
