package com.partnersportal.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's start-up cache (ADR 24): its jar extracted into plain jars (Spring Boot's {@code -Djarmode=tools
 * extract}, since the JVM caches only classes from plain class-path jars) in {@code .run/aot/<module>/app/}, and a
 * JDK AOT cache ({@code -XX:AOTCache}, JDK 24+) of the classes the service loads and links until its Spring context is
 * refreshed, written by a training run ({@code -XX:AOTCacheOutput} with {@code -Dspring.context.exit=onRefresh}).
 *
 * <p>{@code ./portal build} makes the caches ({@code LocalPlatform prepare}); a start never trains (a training run costs
 * about what a start costs, minutes on a loaded machine). Stale never means wrong: a jar rebuilt since it was extracted
 * (other size or time), or another JDK, makes the copy and its cache count as missing, and the service runs from its
 * jar as built until the next build makes new ones; the JVM itself
 * also refuses a cache whose class path or JDK differ and runs without it. {@code PORTAL_AOT_CACHE=off} runs every
 * service from its jar, without a cache, as before.
 */
final class StartupCache {

    /**
     * The training run stops once the context is refreshed, then the JVM writes the cache; six at once took up to 7
     * minutes on this 2-core machine at a load average of 20 (about a minute quiet).
     */
    private static final long TRAINING_TIMEOUT_SECONDS = 900;

    private final RunDirectory run;
    private final String module;
    private final Path jar;

    StartupCache(RunDirectory run, String module, Path jar) {
        this.run = run;
        this.module = module;
        this.jar = jar;
    }

    static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getenv().getOrDefault("PORTAL_AOT_CACHE", "on"))
                && Runtime.version().feature() >= 25;
    }

    Path dir() { return run.root().resolve("aot").resolve(module); }

    Path extracted() { return dir().resolve("app"); }

    Path cache() { return dir().resolve(module + ".aot"); }

    Path stamp() { return dir().resolve("extracted-from"); }

    /** What the extracted copy and its cache are valid for: the jar as built and the JDK. */
    String fingerprint() throws IOException {
        return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + System.getProperty("java.home") + " " + Runtime.version();
    }

    boolean extractedCurrent() {
        try {
            return Files.isRegularFile(stamp()) && Files.readString(stamp()).equals(fingerprint())
                    && Files.isRegularFile(extracted().resolve(jar.getFileName()));
        } catch (IOException e) {
            return false;
        }
    }

    boolean ready() {
        try {
            return extractedCurrent() && Files.isRegularFile(cache()) && Files.size(cache()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** How the JVM runs the service: from the extracted copy with its cache when both are current, else from the jar. */
    List<String> launch() {
        if (enabled() && ready()) {
            return List.of("-XX:AOTCache=" + cache(), "-jar", extracted().resolve(jar.getFileName()).toString());
        }
        return List.of("-jar", jar.toString());
    }

    /** Extracts the jar afresh (and drops the cache made for the previous copy), unless the copy is current. */
    void extract() throws IOException, InterruptedException {
        if (extractedCurrent()) {
            return;
        }
        delete(dir());
        Files.createDirectories(dir());
        Path log = dir().resolve("extract.log");
        Process extract = new ProcessBuilder(ProcessStarter.java().toString(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", extracted().toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IOException("extracting " + run.display(jar) + " failed, see " + run.display(log));
        }
        Files.writeString(stamp(), fingerprint());
    }

    /**
     * Starts the training run: the service as it will run (same JVM options and environment), on a free port, until its
     * context is refreshed; the JVM writes the cache as it exits. {@link #finish} waits for it.
     */
    Process train(String name, List<String> jvmOptions, Map<String, String> env, PidFiles pids) throws IOException {
        Files.deleteIfExists(cache());
        List<String> command = new ArrayList<>();
        command.add(ProcessStarter.java().toString());
        command.addAll(pids.markers(name + "-training"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache(), "-Dspring.context.exit=onRefresh",
                "-jar", extracted().resolve(jar.getFileName()).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(run.home().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(dir().resolve("training.log").toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", "0");
        return builder.start();
    }

    /** Waits for the training run, at most until the deadline; true when it left a cache. */
    boolean finish(Process training, java.time.Instant deadline) throws InterruptedException {
        long left = Math.max(1, java.time.Duration.between(java.time.Instant.now(), deadline).toMillis());
        if (!training.waitFor(left, TimeUnit.MILLISECONDS)) {
            training.descendants().forEach(ProcessHandle::destroyForcibly);
            training.destroyForcibly();
            training.waitFor(10, TimeUnit.SECONDS);
        }
        boolean made = ready();
        if (!made) {
            try {
                Files.deleteIfExists(cache());
            } catch (IOException ignored) {
                // a half-written cache is refused by the JVM anyway
            }
        }
        return made;
    }

    Path trainingLog() { return dir().resolve("training.log"); }

    /** Says which services start without a cache (their jar was rebuilt since, or none was made yet). */
    static void noteMissing(List<ServiceProcess> services) {
        if (!enabled()) {
            return;
        }
        List<String> missing = services.stream().map(ServiceProcess::module).distinct()
                .filter(module -> services.stream().filter(s -> s.module().equals(module)).noneMatch(s -> s.startupCache().ready()))
                .toList();
        if (!missing.isEmpty()) {
            System.out.printf("  start-up caches        none for %s: ./portal build makes them (ADR 24)%n",
                    String.join(", ", missing));
        }
    }

    /**
     * Makes the missing or stale caches of these services' modules: extracts their jars, then trains them all at once.
     * A module whose training fails runs from its jar (printed, not fatal). Needs their databases (Flyway runs).
     *
     * @return the modules whose cache is ready
     */
    static List<String> prepare(List<ServiceProcess> services, PidFiles pids, java.time.Instant since)
            throws InterruptedException {
        if (!enabled()) {
            return List.of();
        }
        Map<String, ServiceProcess> byModule = new java.util.LinkedHashMap<>();
        services.forEach(s -> byModule.putIfAbsent(s.module(), s));
        List<String> ready = new ArrayList<>();
        Map<String, Process> trainings = new java.util.LinkedHashMap<>();
        for (ServiceProcess service : byModule.values()) {
            StartupCache cache = service.startupCache();
            if (cache.ready()) {
                ready.add(service.module());
                continue;
            }
            try {
                cache.extract();
                trainings.put(service.module(), cache.train(service.module(), ServiceProcess.JVM_OPTIONS,
                        service.environment(), pids));
            } catch (IOException e) {
                System.out.printf("  %-22s no start-up cache (%s); it starts from its jar%n", service.module(), e.getMessage());
            }
        }
        if (trainings.isEmpty()) {
            return ready;
        }
        System.out.printf("  start-up caches        training %s (once per build) ...%n", String.join(", ", trainings.keySet()));
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(TRAINING_TIMEOUT_SECONDS);
        for (var training : trainings.entrySet()) {
            StartupCache cache = byModule.get(training.getKey()).startupCache();
            if (cache.finish(training.getValue(), deadline)) {
                ready.add(training.getKey());
            } else {
                System.out.printf("  %-22s no start-up cache (training failed, see %s); it starts from its jar%n",
                        training.getKey(), cache.run.display(cache.trainingLog()));
            }
        }
        System.out.printf("  start-up caches        ready   (%s)%n", HealthWait.elapsed(since));
        return ready;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
