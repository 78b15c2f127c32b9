package com.partnersportal.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Waits until started processes are healthy, printing progress; fails fast when one of them dies. */
final class HealthWait {

    record Started(PlatformProcess component, Process process) {}

    /** Why a start was given up: which component, and what happened. */
    static final class StartFailure extends Exception {
        final PlatformProcess component;

        StartFailure(PlatformProcess component, String message) {
            super(message);
            this.component = component;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private HealthWait() {}

    /** Blocks until every process is healthy; {@code since} is when the whole start began (for the timings printed). */
    static void untilHealthy(List<Started> started, Instant deadline, Instant since) throws StartFailure, InterruptedException {
        List<Started> pending = new ArrayList<>(started);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Started s = it.next();
                if (s.component().isHealthy()) {
                    System.out.printf("  %-22s ready   (%s)%n", s.component().name(), elapsed(since));
                    it.remove();
                } else if (!s.process().isAlive()) {
                    throw new StartFailure(s.component(), s.component().name() + " exited with code " + s.process().exitValue() + " while starting");
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Started late = pending.getFirst();
                throw new StartFailure(late.component(), names(pending) + " still not healthy after " + elapsed(since) + " (" + late.component().healthUrl() + ")");
            }
            if (Instant.now().isAfter(nextProgress)) {
                System.out.printf("  ... waiting for %s (%s)%n", names(pending), elapsed(since));
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            Thread.sleep(POLL);
        }
    }

    static boolean httpOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String elapsed(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static String names(List<Started> started) {
        return String.join(", ", started.stream().map(s -> s.component().name()).toList());
    }
}
