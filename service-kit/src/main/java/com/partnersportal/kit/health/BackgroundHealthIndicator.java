package com.partnersportal.kit.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Answers at once with the last result of a dependency check that runs in the background, so that a
 * probe never waits on a broker or database that does not answer. A result older than {@code staleAfter}
 * (the check itself hangs) counts as DOWN.
 */
public final class BackgroundHealthIndicator implements HealthIndicator {

    private final String name;
    private final HealthIndicator check;
    private final Duration interval;
    private final Duration staleAfter;
    private final Duration firstResultWait;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> firstResult = new CompletableFuture<>();
    private volatile Result last;

    private record Result(Health health, Instant at) {}

    BackgroundHealthIndicator(String name, HealthIndicator check, BackgroundHealthProperties properties,
            ScheduledExecutorService scheduler) {
        this.name = name;
        this.check = check;
        this.interval = properties.interval();
        this.staleAfter = properties.staleAfter();
        this.firstResultWait = properties.firstResultWait();
        this.scheduler = scheduler;
    }

    void start() {
        scheduler.execute(this::runCheck);
    }

    /** Runs on a virtual thread so that a hanging check never holds up the checks of other dependencies. */
    private void runCheck() {
        Thread.ofVirtual().name("health-" + name).start(() -> {
            Health health;
            try {
                health = check.health();
            } catch (RuntimeException e) {
                health = Health.down(e).build();
            }
            last = new Result(health, Instant.now());
            firstResult.complete(null);
            try {
                scheduler.schedule(this::runCheck, interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // the application is stopping: no further checks
            }
        });
    }

    @Override
    public Health health(boolean includeDetails) {
        Result result = last;
        if (result == null) {
            result = awaitFirstResult();
            if (result == null) {
                return Health.down().withDetail("reason", "no check has finished yet").build();
            }
        }
        Duration age = Duration.between(result.at(), Instant.now());
        if (age.compareTo(staleAfter) > 0) {
            return Health.down().withDetail("reason", "the check has not answered for " + age.toSeconds() + " s").build();
        }
        return includeDetails ? result.health() : Health.status(result.health().getStatus()).build();
    }

    @Override
    public Health health() {
        return health(true);
    }

    private Result awaitFirstResult() {
        try {
            firstResult.get(firstResultWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
        return last;
    }
}
