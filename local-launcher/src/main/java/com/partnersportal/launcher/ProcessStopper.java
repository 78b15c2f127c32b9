package com.partnersportal.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes politely: SIGTERM to a whole group at once, up to 30 s each to exit, then SIGKILL. */
final class ProcessStopper {

    record Named(String name, ProcessHandle process) {}

    static final Duration GRACE = Duration.ofSeconds(30);

    private ProcessStopper() {}

    static void stop(List<Named> group) {
        group.forEach(p -> p.process().destroy());             // SIGTERM
        for (Named p : group) {
            Instant start = Instant.now();
            String how = "stopped";
            if (!awaitExit(p.process(), GRACE)) {
                p.process().destroyForcibly();                   // SIGKILL
                awaitExit(p.process(), Duration.ofSeconds(10));
                how = "killed after " + GRACE.toSeconds() + " s";
            }
            System.out.printf("  %-22s %s (pid %d, %s)%n", p.name(), how, p.process().pid(), HealthWait.elapsed(start));
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
