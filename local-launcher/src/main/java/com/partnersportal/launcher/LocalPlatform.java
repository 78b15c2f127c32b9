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
 * The whole platform on one machine without Docker: {@code start | stop | restart | status}, for everything or for
 * named components (a service's name means all its replicas; {@code <service>-<n>} one replica; {@code kafka} or
 * {@code broker}; {@code mail}).
 *
 * <p>Start order: PostgreSQL check (not started here) &rarr; Kafka, mail catcher and ZATCA simulator &rarr; once the
 * broker is healthy, the backend services (every replica) and the gateway together, each from its start-up cache when
 * {@code prepare} (run by {@code ./portal build}) made one (ADR 24) ({@code PORTAL_START_ORDER=sequential}: infrastructure, backends, gateway, each healthy
 * before the next, as before). Stop runs backwards. A partly running platform is completed: start starts
 * what is not running and leaves the rest alone. State lives in {@code .run/} of the checkout given by
 * {@code -Dportal.home}; see {@code ./portal} at the repository root.
 */
public final class LocalPlatform {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    /** For the five services; each further replica adds {@link #PER_EXTRA_REPLICA} (PORTAL_START_TIMEOUT overrides, in s). */
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration PER_EXTRA_REPLICA = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 30;
    private static final Map<String, String> ALIASES = Map.of("broker", "kafka", "mail-catcher", "mail");

    private final RunDirectory run;
    private final PidFiles pids;
    private final PostgresCheck.Settings postgres;
    private final KafkaProcess kafka;
    private final MailCatcherProcess mail;
    private final ZatcaSimulatorProcess zatca;
    private Replicas replicas;
    private List<ServiceProcess> backends;
    private ServiceProcess gateway;

    LocalPlatform(RunDirectory run, Map<String, String> env) {
        this.run = run;
        this.pids = new PidFiles(run);
        this.postgres = PostgresCheck.Settings.fromEnvironment(env);
        this.kafka = new KafkaProcess(run);
        this.mail = new MailCatcherProcess(run);
        this.zatca = new ZatcaSimulatorProcess(run);
        use(Replicas.read(run));
    }

    private void use(Replicas replicas) {
        this.replicas = replicas;
        this.backends = ServiceProcess.backends(run, postgres, replicas);
        this.gateway = ServiceProcess.gateway(run, postgres, backends);
    }

    public static void main(String[] args) {
        LocalPlatform platform = new LocalPlatform(RunDirectory.fromSystemProperty(), System.getenv());
        int exit;
        try {
            Arguments arguments = Arguments.parse(args);
            exit = switch (arguments.command()) {
                case "start" -> platform.start(arguments.replicas(), arguments.components());
                case "stop" -> platform.stop(arguments.components());
                case "restart" -> platform.restart(arguments.replicas(), arguments.components());
                case "status" -> platform.status();
                case "prepare" -> platform.prepare();
                default -> throw new IllegalArgumentException(
                        "usage: LocalPlatform start|stop|restart|status|prepare [--replicas SERVICE=N,...] [COMPONENT...]"
                                + "   (normally run through ./portal)");
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /** {@code start [--replicas orders-service=2,...] [component...]}. */
    record Arguments(String command, Optional<String> replicas, List<String> components) {

        static Arguments parse(String[] args) {
            String command = args.length == 0 ? "" : args[0];
            Optional<String> replicas = Optional.empty();
            List<String> components = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--replicas") && i + 1 < args.length) {
                    replicas = Optional.of(args[++i]);
                } else if (args[i].startsWith("--replicas=")) {
                    replicas = Optional.of(args[i].substring("--replicas=".length()));
                } else if (args[i].startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                } else {
                    components.add(args[i]);
                }
            }
            return new Arguments(command, replicas, List.copyOf(components));
        }
    }

    /** Everything, in start order. */
    List<PlatformProcess> components() {
        List<PlatformProcess> all = new ArrayList<>(List.of(kafka, mail, zatca));
        all.addAll(backends);
        all.add(gateway);
        return all;
    }

    /**
     * The components named, in start order: a backend's module name stands for all its replicas, {@code <module>-1}
     * for its first; unknown names are refused with the list of known ones.
     */
    List<PlatformProcess> select(List<String> names) {
        Set<String> wanted = new java.util.HashSet<>();
        for (String raw : names) {
            String name = ALIASES.getOrDefault(raw, raw);
            List<String> matches = components().stream()
                    .filter(c -> c.name().equals(name) || (c instanceof ServiceProcess s
                            && (s.module().equals(name) || (s.name().equals(s.module()) && name.equals(s.module() + "-1")))))
                    .map(PlatformProcess::name).toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("No component " + raw + "; the components are: "
                        + components().stream().map(PlatformProcess::name).collect(Collectors.joining(", "))
                        + " (a service's name means all its replicas; also: broker, mail-catcher)");
            }
            wanted.addAll(matches);
        }
        return components().stream().filter(c -> wanted.contains(c.name())).toList();
    }

    /** The groups stopped one after the other: gateway, backends, mail, Kafka. */
    private List<List<String>> stopOrder() {
        return List.of(List.of(gateway.name()), backends.stream().map(ServiceProcess::name).toList(),
                List.of(mail.name(), zatca.name()), List.of(kafka.name()));
    }

    // ---------------------------------------------------------------- start

    int start() {
        return start(Optional.empty(), List.of());
    }

    int start(Optional<String> replicaSpec, List<String> names) {
        adoptStrays();
        boolean fresh = running().isEmpty() && strays().isEmpty();
        Replicas before = replicas;
        List<PlatformProcess> previous = components();
        if (replicaSpec.isPresent()) {
            use(Replicas.parse(replicaSpec.get(), ServiceProcess.BACKENDS));
        } else if (fresh) {
            use(Replicas.one());
        }
        replicas.write(run);
        boolean replicasChanged = !before.toString().equals(replicas.toString());
        List<PlatformProcess> selected = names.isEmpty() ? components() : select(names);

        Set<String> current = components().stream().map(PlatformProcess::name).collect(Collectors.toSet());
        List<ProcessStopper.Named> surplus = previous.stream().filter(c -> !current.contains(c.name()))
                .flatMap(c -> pids.alive(c.name()).stream().map(p -> new ProcessStopper.Named(c.name(), p))).toList();
        Map<String, ProcessHandle> running = running();
        // The gateway learns its upstream replicas at start: restart it when the set changed under it.
        boolean gatewayStale = replicasChanged && running.containsKey(gateway.name());
        List<PlatformProcess> toStart = new ArrayList<>(selected.stream().filter(c -> !running.containsKey(c.name())).toList());
        if (gatewayStale && !toStart.contains(gateway)) {
            toStart.add(gateway);
        }
        if (toStart.isEmpty() && surplus.isEmpty()) {
            System.out.println(names.isEmpty() ? "The platform is already running."
                    : String.join(", ", selected.stream().map(PlatformProcess::name).toList()) + ": already running.");
            printStatus();
            return 0;
        }
        Optional<String> blocker = whyNotStart(toStart, running);
        if (blocker.isPresent()) {
            System.out.println(blocker.get());
            if (!running.isEmpty()) {
                printStatus();
            }
            return 1;
        }
        toStart.forEach(c -> pids.remove(c.name()));   // stale pid files of dead processes

        Instant begin = Instant.now();
        System.out.println(fresh ? "Starting the local SANDBOX platform (" + run.home() + ")"
                + (replicas.toString().isEmpty() ? "" : " with replicas " + replicas)
                : "Starting " + String.join(", ", toStart.stream().map(PlatformProcess::name).toList()) + " (" + run.home() + ")");
        if (!surplus.isEmpty()) {
            ProcessStopper.stop(surplus);
            surplus.forEach(p -> pids.remove(p.name()));
        }
        List<String> identityStale = before.of("identity-service") == replicas.of("identity-service") ? List.of()
                : backends.stream().map(ServiceProcess::name).filter(running::containsKey).toList();
        if (!identityStale.isEmpty()) {
            // A service learns identity's replicas at start (PORTAL_SERVICES_IDENTITY_URL), like the gateway its upstreams.
            System.out.println("  Note: " + String.join(", ", identityStale) + " keep calling the identity-service replicas"
                    + " they started with; ./portal restart <service> makes them call all " + replicas.of("identity-service") + ".");
        }
        if (gatewayStale) {
            System.out.println("  The replicas changed (" + (replicas.toString().isEmpty() ? "one each" : replicas)
                    + "): restarting the gateway to balance over them.");
            ProcessStopper.stop(named(gateway.name(), List.of(running.get(gateway.name()))).toList());
            pids.remove(gateway.name());
        }
        if (toStart.stream().anyMatch(c -> c instanceof ServiceProcess s && s.database() != null)) {
            try {
                List<String> created = PostgresCheck.ensureDatabases(postgres, ServiceProcess.databases(run, postgres));
                System.out.printf("  %-22s ready   (%s:%d%s)%n", "postgresql", postgres.host(), postgres.port(),
                        created.isEmpty() ? "" : ", created " + String.join(", ", created));
            } catch (PostgresCheck.Unavailable e) {
                System.out.println(e.getMessage());
                return 1;
            }
        }

        // Fresh service-client secrets when nothing runs yet; a partial start keeps the ones the running services hold.
        if (fresh || !Files.exists(ServiceClientSecrets.file(run))) {
            ServiceClientSecrets.generate(run);
        }
        StartAttempt attempt = new StartAttempt();
        Thread abortOnInterrupt = new Thread(() -> attempt.abort("Interrupted"), "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(abortOnInterrupt);
        try {
            StartupCache.noteMissing(services(toStart));
            List<HealthWait.Started> infrastructure = attempt.spawn(only(toStart, List.of(kafka, mail, zatca)));
            Instant infrastructureDeadline = Instant.now().plus(INFRASTRUCTURE_TIMEOUT);
            if ("sequential".equalsIgnoreCase(System.getenv("PORTAL_START_ORDER"))) {
                // The previous way, for comparison (bench/start-time.sh): each group healthy before the next starts.
                HealthWait.untilHealthy(infrastructure, infrastructureDeadline, begin);
                Instant servicesDeadline = Instant.now().plus(servicesTimeout());
                attempt.startAndWait(only(toStart, backends), servicesDeadline, begin);
                attempt.startAndWait(only(toStart, List.of(gateway)), servicesDeadline, begin);
            } else {
                // The services need the broker once their context is up (bindings, revocation feed); mail and the ZATCA
                // simulator only later, and the gateway none of the backends to start (it probes them per request).
                HealthWait.untilHealthy(infrastructure.stream().filter(s -> s.component() == kafka).toList(),
                        infrastructureDeadline, begin);
                List<HealthWait.Started> rest = new ArrayList<>(infrastructure.stream()
                        .filter(s -> s.component() != kafka).toList());
                rest.addAll(attempt.spawn(only(toStart, backends)));
                rest.addAll(attempt.spawn(only(toStart, List.of(gateway))));
                HealthWait.untilHealthy(rest, Instant.now().plus(servicesTimeout()), begin);
            }
        } catch (HealthWait.StartFailure e) {
            if (!attempt.aborted()) {
                System.out.println();
                System.out.println("FAILED: " + e.getMessage());
                printLogTail(e.component);
                attempt.abort("Start failed");
                if (fresh) {
                    Replicas.one().write(run);
                }
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

        boolean everything = running().size() == components().size();
        System.out.println((everything ? "All healthy in " : "Healthy in ") + HealthWait.elapsed(begin) + ".");
        if (everything && fresh) {
            StatusTable.printBanner();
        }
        printStatus();
        return 0;
    }

    private static List<ServiceProcess> services(List<PlatformProcess> components) {
        return components.stream().filter(c -> c instanceof ServiceProcess).map(c -> (ServiceProcess) c).toList();
    }

    /** After a build: every service's start-up cache (ADR 24), so that the next start is fast from the first. */
    int prepare() {
        if (!StartupCache.enabled()) {
            return 0;
        }
        try {
            PostgresCheck.ensureDatabases(postgres, ServiceProcess.databases(run, postgres));
            if (!Files.exists(ServiceClientSecrets.file(run))) {
                ServiceClientSecrets.generate(run);   // the services need theirs to refresh; a fresh start makes new ones
            }
            StartupCache.prepare(services(components()), pids, Instant.now());
            return 0;
        } catch (PostgresCheck.Unavailable e) {
            System.out.println("No start-up caches yet (" + e.getMessage().strip() + "); ./portal start makes them.");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private Duration servicesTimeout() {
        String configured = System.getenv("PORTAL_START_TIMEOUT");
        if (configured != null && configured.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(configured));
        }
        return SERVICES_TIMEOUT.plus(PER_EXTRA_REPLICA.multipliedBy(Math.max(0, backends.size() - ServiceProcess.BACKENDS.size())));
    }

    private static List<PlatformProcess> only(List<PlatformProcess> toStart, List<? extends PlatformProcess> group) {
        return toStart.stream().filter(group::contains).toList();
    }

    /**
     * What stands in the way of starting {@code toStart}: processes of this checkout nobody accounts for, ports in use
     * by other programs, jars not built, a service started without the broker it needs.
     */
    private Optional<String> whyNotStart(List<PlatformProcess> toStart, Map<String, ProcessHandle> running) {
        List<String> unknown = strays().stream().map(p -> PidFiles.componentOf(p).orElse("pid " + p.pid())).toList();
        if (!unknown.isEmpty()) {
            return Optional.of("Processes of this platform run that it no longer knows (" + String.join(", ", unknown)
                    + "). Run ./portal stop first, then ./portal start.");
        }
        List<PortCheck.Taken> taken = PortCheck.taken(toStart.stream()
                .filter(c -> !(c == gateway && running.containsKey(gateway.name()))).toList());
        if (!taken.isEmpty()) {
            return Optional.of("Cannot start: these ports are already used by other programs: "
                    + taken.stream().map(Object::toString).collect(Collectors.joining(", ")) + ".\n"
                    + "  See who:  ss -ltnp | grep -E ':(" + taken.stream().map(t -> String.valueOf(t.port()))
                    .collect(Collectors.joining("|")) + ") '");
        }
        List<String> unbuilt = toStart.stream().filter(c -> c instanceof ServiceProcess).map(c -> (ServiceProcess) c)
                .filter(s -> !Files.isRegularFile(s.jar())).map(s -> run.display(s.jar())).distinct().toList();
        if (!unbuilt.isEmpty()) {
            return Optional.of("Cannot start: not built: " + String.join(", ", unbuilt) + ". Run ./portal build");
        }
        boolean backendsToStart = toStart.stream().anyMatch(backends::contains);
        if (backendsToStart && !toStart.contains(kafka) && !running.containsKey(kafka.name())) {
            return Optional.of("Cannot start the services without the broker: kafka is not running. "
                    + "Start it with ./portal start kafka (or ./portal start for everything).");
        }
        return Optional.empty();
    }

    /** The processes one {@code start} has spawned, so that a failed or interrupted start can take them down again. */
    private final class StartAttempt {
        private final List<ProcessStopper.Named> started = new ArrayList<>();
        private boolean settled;

        void startAndWait(List<? extends PlatformProcess> components, Instant deadline, Instant begin)
                throws IOException, HealthWait.StartFailure, InterruptedException {
            HealthWait.untilHealthy(spawn(components), deadline, begin);
        }

        List<HealthWait.Started> spawn(List<? extends PlatformProcess> components) throws IOException {
            List<HealthWait.Started> group = new ArrayList<>();
            for (PlatformProcess component : components) {
                group.add(new HealthWait.Started(component, spawn(component)));
            }
            return group;
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
        return stop(List.of());
    }

    /** Stops the components named (all of them, strays included, when none is named). */
    int stop(List<String> names) {
        if (!names.isEmpty()) {
            List<String> selected = select(names).stream().map(PlatformProcess::name).toList();
            Map<String, List<ProcessHandle>> ours = new LinkedHashMap<>();
            running().forEach((name, process) -> {
                if (selected.contains(name)) {
                    ours.computeIfAbsent(name, n -> new ArrayList<>()).add(process);
                }
            });
            selected.forEach(pids::remove);
            if (ours.isEmpty()) {
                System.out.println(String.join(", ", selected) + ": not running.");
                return 0;
            }
            System.out.println("Stopping " + String.join(", ", ours.keySet()) + " ...");
            for (List<String> group : stopOrder()) {
                ProcessStopper.stop(group.stream().flatMap(name -> named(name, ours.remove(name))).toList());
            }
            return 0;
        }
        Map<String, List<ProcessHandle>> ours = new LinkedHashMap<>();
        running().forEach((name, process) -> ours.computeIfAbsent(name, n -> new ArrayList<>()).add(process));
        for (ProcessHandle stray : strays()) {
            ours.computeIfAbsent(PidFiles.componentOf(stray).orElse("unknown"), n -> new ArrayList<>()).add(stray);
        }
        components().forEach(c -> pids.remove(c.name()));
        Replicas.one().write(run);   // the next start is one of each, unless it says otherwise
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

    /** Stop, then start with the same health gate: the components named, or everything. */
    int restart(Optional<String> replicaSpec, List<String> names) {
        if (!names.isEmpty()) {
            select(names);   // refuse unknown names before stopping anything
        }
        stop(names);
        return start(replicaSpec, names);
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

    /** Writes the pid files of platform processes that run without one (e.g. after .run/pids was deleted). */
    private void adoptStrays() {
        Set<String> names = components().stream().map(PlatformProcess::name).collect(Collectors.toSet());
        for (ProcessHandle stray : strays()) {
            PidFiles.componentOf(stray).filter(names::contains).filter(name -> pids.alive(name).isEmpty())
                    .ifPresent(name -> pids.write(name, stray.pid()));
        }
    }

    /** Processes of this checkout's platform that no pid file accounts for (e.g. after .run/pids was deleted). */
    private List<ProcessHandle> strays() {
        Set<Long> recorded = running().values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        return pids.strays(recorded);
    }
}
