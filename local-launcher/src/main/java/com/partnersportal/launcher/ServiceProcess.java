package com.partnersportal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Spring Boot service (one replica of it) run from its executable jar,
 * {@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}, configured through environment variables only.
 *
 * @param name     the component's name: the module's for replica 1, {@code <module>-<n>} for replica n
 * @param module   the Maven module, whose jar it runs
 * @param database its PostgreSQL database, or null (the gateway has none); replicas share it
 * @param env      the variables specific to this service
 */
record ServiceProcess(String name, String module, int port, String database, Map<String, String> env,
                      RunDirectory run, PostgresCheck.Settings postgres) implements PlatformProcess {

    static final String VERSION = "0.1.0-SNAPSHOT";

    /** The backend modules, in start order. */
    static final List<String> BACKENDS = List.of("identity-service", "orders-service", "settlement-service",
            "webhook-dispatcher", "notification-service");

    /** The five backend services, one replica each. */
    static List<ServiceProcess> backends(RunDirectory run, PostgresCheck.Settings pg) {
        return backends(run, pg, Replicas.one());
    }

    /** Every replica of the five backend services, started together once Kafka, PostgreSQL and mail are healthy. */
    static List<ServiceProcess> backends(RunDirectory run, PostgresCheck.Settings pg, Replicas replicas) {
        List<ServiceProcess> all = new java.util.ArrayList<>();
        String identity = java.util.stream.IntStream.rangeClosed(1, replicas.of("identity-service"))
                .mapToObj(n -> "http://127.0.0.1:" + Replicas.replicaPort(8081, n))
                .collect(java.util.stream.Collectors.joining(","));
        for (ServiceProcess first : firstReplicas(run, pg)) {
            int count = replicas.of(first.module());
            for (int n = 1; n <= count; n++) {
                // Every service calls identity's internal routes at each of its replicas in turn (kit's ServiceReplicas).
                Map<String, String> env = new HashMap<>(first.env());
                env.put("PORTAL_SERVICES_IDENTITY_URL", identity);
                if (count > 1) {
                    // The replicas share the service's database: together no more connections than one instance's pool
                    // (10), or ten services' worth of replicas exhaust PostgreSQL's default max_connections of 100.
                    env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", String.valueOf(Math.max(3, 10 / count)));
                }
                if (n > 1) {
                    // One replica seeds the demo merchant and writes its credentials; two would race to reset them.
                    env.remove("PORTAL_DEMO_SEED_FILE");
                }
                all.add(new ServiceProcess(Replicas.replicaName(first.module(), n), first.module(),
                        Replicas.replicaPort(first.port(), n), first.database(), Map.copyOf(env), run, pg));
            }
        }
        return List.copyOf(all);
    }

    private static List<ServiceProcess> firstReplicas(RunDirectory run, PostgresCheck.Settings pg) {
        return List.of(
                new ServiceProcess("identity-service", "identity-service", 8081, "portal_identity",
                        Map.of("PORTAL_DEMO_SEED_FILE", run.demoCredentials().toString()), run, pg),
                new ServiceProcess("orders-service", "orders-service", 8082, "portal_orders", Map.of(), run, pg),
                new ServiceProcess("settlement-service", "settlement-service", 8083, "portal_settlement", Map.of(), run, pg),
                // Sandbox: webhook receivers on this machine (loopback) are allowed; every other internal address stays refused.
                new ServiceProcess("webhook-dispatcher", "webhook-dispatcher", 8084, "portal_webhooks",
                        Map.of("PORTAL_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128"), run, pg),
                new ServiceProcess("notification-service", "notification-service", 8085, "portal_notification",
                        Map.of("SPRING_MAIL_HOST", "127.0.0.1",
                               "SPRING_MAIL_PORT", String.valueOf(MailCatcherProcess.SMTP_PORT)), run, pg));
    }

    /** The gateway with one replica of each backend behind it. */
    static ServiceProcess gateway(RunDirectory run, PostgresCheck.Settings pg) {
        return gateway(run, pg, backends(run, pg));
    }

    /**
     * The gateway, started once the backends are ready, balancing over every replica of each service (a comma-separated
     * list of addresses per service); its rate limits go to Redis when one answers locally.
     */
    static ServiceProcess gateway(RunDirectory run, PostgresCheck.Settings pg, List<ServiceProcess> backends) {
        Map<String, String> env = new java.util.HashMap<>();
        Map<String, String> variables = Map.of("identity-service", "PORTAL_SERVICES_IDENTITY_URL",
                "orders-service", "PORTAL_SERVICES_ORDERS_URL", "settlement-service", "PORTAL_SERVICES_SETTLEMENT_URL",
                "webhook-dispatcher", "PORTAL_SERVICES_WEBHOOKS_URL", "notification-service", "PORTAL_SERVICES_NOTIFICATION_URL");
        for (ServiceProcess backend : backends) {
            env.merge(variables.get(backend.module()), backend.url(), (a, b) -> a + "," + b);
        }
        if (HealthWait.portOpen(REDIS_PORT)) {
            env.put("PORTAL_GATEWAY_RATE_LIMITS_REDIS_URL", "redis://127.0.0.1:" + REDIS_PORT);
        }
        return new ServiceProcess("gateway", "gateway", 8080, null, Map.copyOf(env), run, pg);
    }

    static final int REDIS_PORT = 6379;

    static List<String> databases(RunDirectory run, PostgresCheck.Settings pg) {
        return firstReplicas(run, pg).stream().map(ServiceProcess::database).toList();
    }

    Path jar() {
        return run.home().resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    @Override
    public List<Integer> ports() { return List.of(port); }

    @Override
    public String url() { return "http://127.0.0.1:" + port; }

    @Override
    public String healthUrl() { return url() + "/actuator/health/readiness"; }

    @Override
    public boolean isHealthy() { return HealthWait.httpOk(healthUrl()); }

    @Override
    public Process start(ProcessStarter starter) throws IOException {
        if (!Files.isRegularFile(jar())) {
            throw new IOException(run.display(jar()) + " is missing; run ./portal build");
        }
        List<String> args = new java.util.ArrayList<>(JVM_OPTIONS);
        args.addAll(startupCache().launch());
        return starter.start(name, args, environment());
    }

    /** The JVM options of every service; a training run for the start-up cache uses the same. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m");

    /** The module's start-up cache (replicas share their module's). */
    StartupCache startupCache() {
        return new StartupCache(run, module, jar());
    }

    Map<String, String> environment() {
        Map<String, String> all = new HashMap<>();
        all.put("SERVER_PORT", String.valueOf(port));
        all.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KafkaProcess.BOOTSTRAP);
        all.put("PORTAL_ENVIRONMENT", "sandbox");
        all.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        if (database != null) {
            all.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(database));
            all.put("SPRING_DATASOURCE_USERNAME", postgres.user());
            if (postgres.password() != null) {
                all.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
            }
        }
        all.putAll(env);
        if (Files.exists(ServiceClientSecrets.file(run))) {
            all.putAll(ServiceClientSecrets.load(run).environmentOf(module));
        }
        return all;
    }
}
