package com.partnersportal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: {@code start | stop | status}.
 *
 * <p>Start order: PostgreSQL check (not started here) &rarr; Kafka and mail catcher &rarr; the five backend
 * services together &rarr; the gateway. Stop runs backwards. State lives in {@code .run/} of the checkout
 * given by {@code -Dportal.home}; see {@code ./portal} at the repository root.
 */
public final class LocalPlatform {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(150);
    private static final int LOG_TAIL_LINES = 30;

    private final RunDirectory run;
    private final PidFiles pids;
    private final PostgresCheck.Settings postgres;
    private final KafkaProcess kafka;
    private final MailCatcherProcess mail;
    private final ZatcaSimulatorProcess zatca;
    private final List<ServiceProcess> backends;
    private final ServiceProcess gateway;

    LocalPlatform(RunDirectory run, Map<String, String> env) {
        this.run = run;
        this.pids = new PidFiles(run);
        this.postgres = PostgresCheck.Settings.fromEnvironment(env);
        this.kafka = new KafkaProcess(run);
        this.mail = new MailCatcherProcess(run);
        this.zatca = new ZatcaSimulatorProcess(run);
        this.backends = ServiceProcess.backends(run, postgres);
        this.gateway = ServiceProcess.gateway(run, postgres);
    }

    public static void main(String[] args) {
        LocalPlatform platform = new LocalPlatform(RunDirectory.fromSystemProperty(), System.getenv());
        int exit = switch (args.length == 0 ? "" : args[0]) {
            case "start" -> platform.start();
            case "stop" -> platform.stop();
            case "status" -> platform.status();
            default -> {
                System.err.println("usage: LocalPlatform start|stop|status   (normally run through ./portal)");
                yield 2;
            }
        };
        System.exit(exit);
    }

    /** Everything, in start order. */
    List<PlatformProcess> components() {
        List<PlatformProcess> all = new ArrayList<>(List.of(kafka, mail, zatca));
        all.addAll(backends);
        all.add(gateway);
        return all;
    }

    /** The groups stopped one after the other: gateway, backends, mail, Kafka. */
    private List<List<String>> stopOrder() {
        return List.of(List.of(gateway.name()), backends.stream().map(ServiceProcess::name).toList(),
                List.of(mail.name(), zatca.name()), List.of(kafka.name()));
    }

    // ---------------------------------------------------------------- start

    int start() {
        Map<String, ProcessHandle> running = running();
        if (running.size() == components().size()) {
            System.out.println("The platform is already running.");
            printStatus();
            return 0;
        }
        Optional<String> blocker = whyNotStart(running);
        if (blocker.isPresent()) {
            System.out.println(blocker.get());
            if (!running.isEmpty()) {
                printStatus();
            }
            return 1;
        }
        components().forEach(c -> pids.remove(c.name()));   // stale pid files of dead processes

        Instant begin = Instant.now();
        System.out.println("Starting the local SANDBOX platform (" + run.home() + ")");
        try {
            List<String> created = PostgresCheck.ensureDatabases(postgres, ServiceProcess.databases(run, postgres));
            System.out.printf("  %-22s ready   (%s:%d%s)%n", "postgresql", postgres.host(), postgres.port(),
                    created.isEmpty() ? "" : ", created " + String.join(", ", created));
        } catch (PostgresCheck.Unavailable e) {
            System.out.println(e.getMessage());
            return 1;
        }

        StartAttempt attempt = new StartAttempt();
        Thread abortOnInterrupt = new Thread(() -> attempt.abort("Interrupted"), "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(abortOnInterrupt);
        try {
            attempt.startAndWait(List.of(kafka, mail, zatca), Instant.now().plus(INFRASTRUCTURE_TIMEOUT), begin);
            Instant servicesDeadline = Instant.now().plus(SERVICES_TIMEOUT);
            attempt.startAndWait(backends, servicesDeadline, begin);
            attempt.startAndWait(List.of(gateway), servicesDeadline, begin);
        } catch (HealthWait.StartFailure e) {
            if (!attempt.aborted()) {
                System.out.println();
                System.out.println("FAILED: " + e.getMessage());
                printLogTail(e.component);
                attempt.abort("Start failed");
            }
            return 1;
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (!attempt.aborted()) {
                System.out.println("FAILED: " + e.getMessage());
                attempt.abort("Start failed");
            }
            return 1;
        }
        attempt.succeeded();
        Runtime.getRuntime().removeShutdownHook(abortOnInterrupt);

        System.out.println("All healthy in " + HealthWait.elapsed(begin) + ".");
        StatusTable.printBanner();
        printStatus();
        return 0;
    }

    /** What stands in the way of a clean start: a half-running platform, ports in use, jars not built. */
    private Optional<String> whyNotStart(Map<String, ProcessHandle> running) {
        List<String> partial = Stream.concat(running.keySet().stream(),
                strays().stream().map(p -> PidFiles.componentOf(p).orElse("pid " + p.pid()))).toList();
        if (!partial.isEmpty()) {
            return Optional.of("The platform is partly running (" + String.join(", ", partial)
                    + "). Run ./portal stop first, then ./portal start.");
        }
        List<PortCheck.Taken> taken = PortCheck.taken(components());
        if (!taken.isEmpty()) {
            return Optional.of("Cannot start: these ports are already used by other programs: "
                    + taken.stream().map(Object::toString).collect(Collectors.joining(", ")) + ".\n"
                    + "  See who:  ss -ltnp | grep -E ':(" + taken.stream().map(t -> String.valueOf(t.port()))
                    .collect(Collectors.joining("|")) + ") '");
        }
        List<String> unbuilt = Stream.concat(backends.stream(), Stream.of(gateway))
                .filter(s -> !Files.isRegularFile(s.jar())).map(s -> run.display(s.jar())).toList();
        if (!unbuilt.isEmpty()) {
            return Optional.of("Cannot start: not built: " + String.join(", ", unbuilt) + ". Run ./portal build");
        }
        return Optional.empty();
    }

    /** The processes one {@code start} has spawned, so that a failed or interrupted start can take them down again. */
    private final class StartAttempt {
        private final List<ProcessStopper.Named> started = new ArrayList<>();
        private boolean settled;

        void startAndWait(List<? extends PlatformProcess> components, Instant deadline, Instant begin)
                throws IOException, HealthWait.StartFailure, InterruptedException {
            List<HealthWait.Started> group = new ArrayList<>();
            for (PlatformProcess component : components) {
                group.add(new HealthWait.Started(component, spawn(component)));
            }
            HealthWait.untilHealthy(group, deadline, begin);
        }

        private synchronized Process spawn(PlatformProcess component) throws IOException {
            if (settled) {
                throw new IOException("start interrupted");
            }
            Process process = component.start(new ProcessStarter(run, pids));
            started.add(new ProcessStopper.Named(component.name(), process.toHandle()));
            return process;
        }

        synchronized void succeeded() {
            settled = true;
        }

        /** Before {@link #succeeded()}: whether {@link #abort} ran, e.g. on Ctrl-C (waits until it is done). */
        synchronized boolean aborted() {
            return settled;
        }

        /** Stops whatever this attempt started (also on Ctrl-C); a no-op once the start succeeded. */
        synchronized void abort(String reason) {
            if (settled) {
                return;
            }
            settled = true;
            if (!started.isEmpty()) {
                System.out.println(reason + ": stopping what was started ...");
                List<ProcessStopper.Named> reversed = new ArrayList<>(started).reversed();
                for (List<String> group : stopOrder()) {
                    ProcessStopper.stop(reversed.stream().filter(p -> group.contains(p.name())).toList());
                }
                started.forEach(p -> pids.remove(p.name()));
            }
        }
    }

    private void printLogTail(PlatformProcess component) {
        Path log = run.log(component.name());
        System.out.println("Last lines of " + run.display(log) + ":");
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size())
                    .forEach(line -> System.out.println("  | " + (line.length() > 1000 ? line.substring(0, 1000) + " ..." : line)));
        } catch (IOException | java.io.UncheckedIOException e) {
            System.out.println("  (cannot read it: " + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- stop

    int stop() {
        Map<String, List<ProcessHandle>> ours = new LinkedHashMap<>();
        running().forEach((name, process) -> ours.computeIfAbsent(name, n -> new ArrayList<>()).add(process));
        for (ProcessHandle stray : strays()) {
            ours.computeIfAbsent(PidFiles.componentOf(stray).orElse("unknown"), n -> new ArrayList<>()).add(stray);
        }
        components().forEach(c -> pids.remove(c.name()));
        if (ours.isEmpty()) {
            System.out.println("The platform is not running.");
            return 0;
        }
        System.out.println("Stopping the local platform ...");
        for (List<String> group : stopOrder()) {
            ProcessStopper.stop(group.stream().flatMap(name -> named(name, ours.remove(name))).toList());
        }
        ProcessStopper.stop(ours.entrySet().stream().flatMap(e -> named(e.getKey(), e.getValue())).toList());
        System.out.println("Stopped.");
        return 0;
    }

    private static Stream<ProcessStopper.Named> named(String name, List<ProcessHandle> processes) {
        return processes == null ? Stream.empty() : processes.stream().map(p -> new ProcessStopper.Named(name, p));
    }

    // ---------------------------------------------------------------- status

    int status() {
        if (running().isEmpty()) {
            System.out.println("The platform is not running. Start it with ./portal start");
        }
        return printStatus() ? 0 : 3;
    }

    /** Prints the table; true when everything is UP. */
    private boolean printStatus() {
        List<StatusTable.Row> rows = components().stream().map(c -> StatusTable.probe(c, pids)).toList();
        StatusTable.print(rows, run);
        boolean allUp = rows.stream().allMatch(r -> r.state() == StatusTable.State.UP);
        if (allUp) {
            StatusTable.printHowTo(run);
        }
        return allUp;
    }

    // ---------------------------------------------------------------- processes

    /** Components whose recorded process is alive, by name. */
    private Map<String, ProcessHandle> running() {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        for (PlatformProcess c : components()) {
            pids.alive(c.name()).ifPresent(p -> running.put(c.name(), p));
        }
        return running;
    }

    /** Processes of this checkout's platform that no pid file accounts for (e.g. after .run/pids was deleted). */
    private List<ProcessHandle> strays() {
        Set<Long> recorded = running().values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        return pids.strays(recorded);
    }
}
