package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the containerised deployment (docker-compose.yml, docker/service.Dockerfile and the PostgreSQL
 * init script) without a Docker engine: every container is defined, healthy before its dependants start,
 * wired to the right database, broker and neighbours, and reachable on its own host port.
 */
class ComposeFileTest {

    /** Surefire runs in the module directory; the deployment files live at the repository root. */
    private static final Path REPO_ROOT = Path.of("..");
    private static final Path COMPOSE_FILE = REPO_ROOT.resolve("docker-compose.yml");
    private static final Path INIT_SCRIPT = REPO_ROOT.resolve("docker/postgres/init-databases.sql");

    /** The five services that own a database and use Kafka, with the database each one owns. */
    private static final Map<String, String> DATABASE_OF_SERVICE = Map.of(
            "identity-service", "portal_identity",
            "orders-service", "portal_orders",
            "settlement-service", "portal_settlement",
            "webhook-dispatcher", "portal_webhooks",
            "notification-service", "portal_notification");

    private static final Set<String> APPLICATION_SERVICES = union(DATABASE_OF_SERVICE.keySet(), Set.of("gateway"));
    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres", "mailpit", "redis");

    /** The gateway's routing variables and the service each one must point at. */
    private static final Map<String, String> GATEWAY_ROUTES = Map.of(
            "PORTAL_SERVICES_IDENTITY_URL", "identity-service",
            "PORTAL_SERVICES_ORDERS_URL", "orders-service",
            "PORTAL_SERVICES_SETTLEMENT_URL", "settlement-service",
            "PORTAL_SERVICES_WEBHOOKS_URL", "webhook-dispatcher",
            "PORTAL_SERVICES_NOTIFICATION_URL", "notification-service");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        assertThat(COMPOSE_FILE).as("docker-compose.yml at the repository root").isRegularFile();
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = map(compose.get("services"));
        }
    }

    // ---- containers ----

    @Test
    void definesTheSixServicesAndTheirInfrastructure() {
        assertThat(services).containsKeys(APPLICATION_SERVICES.toArray(String[]::new));
        assertThat(services).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
    }

    @Test
    void everyContainerHasAnImageOrABuild() {
        for (String name : services.keySet()) {
            assertThat(service(name).keySet()).as("container %s needs `image:` or `build:`", name)
                    .containsAnyOf("image", "build");
        }
    }

    @Test
    void everyContainerHasAHealthCheck() {
        for (String name : services.keySet()) {
            assertThat(service(name)).as("container %s", name).containsKey("healthcheck");
            assertThat(map(service(name).get("healthcheck"))).as("healthcheck of %s", name).containsKey("test");
            assertThat(healthCheckOf(name)).as("healthcheck.test of %s", name).isNotBlank();
        }
    }

    @Test
    void dependenciesNameDefinedServicesAndWaitUntilTheyAreHealthy() {
        services.keySet().forEach(name -> dependenciesOf(name).forEach((dependency, settings) -> {
            assertThat(services).as("%s depends on %s, which is not defined", name, dependency).containsKey(dependency);
            assertThat(map(settings).get("condition"))
                    .as("%s must wait until %s is healthy", name, dependency)
                    .isEqualTo("service_healthy");
        }));
    }

    @Test
    void applicationServicesStartAfterWhatTheyNeed() {
        DATABASE_OF_SERVICE.keySet().forEach(service ->
                assertThat(dependenciesOf(service)).as("dependencies of %s", service).containsKeys("postgres", "kafka"));
        assertThat(dependenciesOf("notification-service")).containsKey("mailpit");
        assertThat(dependenciesOf("gateway")).as("dependencies of the gateway")
                .containsKeys(union(DATABASE_OF_SERVICE.keySet(), Set.of("redis")).toArray(String[]::new));
    }

    // ---- environment ----

    @Test
    void everyApplicationServiceRunsInTheSandboxOnItsPortWithJsonLogs() {
        APPLICATION_SERVICES.forEach(service -> {
            Map<String, String> env = environmentOf(service);
            assertThat(env).as("environment of %s", service)
                    .containsEntry("PORTAL_ENVIRONMENT", "sandbox")
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                    .containsKey("SERVER_PORT");
        });
    }

    @Test
    void eachDatabaseServiceUsesItsOwnDatabaseOnPostgres() {
        DATABASE_OF_SERVICE.forEach((service, database) -> {
            Map<String, String> env = environmentOf(service);
            assertThat(env.get("SPRING_DATASOURCE_URL")).as("SPRING_DATASOURCE_URL of %s", service)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(env).as("database credentials of %s", service)
                    .containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        });
    }

    @Test
    void eachKafkaServiceReachesTheBrokerInsideTheNetwork() {
        DATABASE_OF_SERVICE.keySet().forEach(service -> assertThat(environmentOf(service))
                .as("environment of %s", service)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));
    }

    @Test
    void notificationServiceSendsMailThroughMailpit() {
        assertThat(environmentOf("notification-service"))
                .containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("SPRING_MAIL_PORT", "1025");
    }

    @Test
    void gatewayRoutesToEachServiceByNameAndPort() {
        Map<String, String> env = environmentOf("gateway");
        GATEWAY_ROUTES.forEach((variable, service) -> assertThat(env.get(variable))
                .as("%s of the gateway", variable)
                .isEqualTo("http://%s:%s".formatted(service, environmentOf(service).get("SERVER_PORT"))));
        assertThat(env).as("rate limits shared in compose's Redis").containsEntry("PORTAL_GATEWAY_RATE_LIMITS_REDIS_URL", "redis://redis:6379");
    }

    @Test
    void applicationHealthChecksProbeTheirOwnReadinessEndpoint() {
        APPLICATION_SERVICES.forEach(service -> {
            String readiness = "http://localhost:%s/actuator/health/readiness"
                    .formatted(environmentOf(service).get("SERVER_PORT"));
            assertThat(healthCheckOf(service)).as("health check of %s", service).contains(readiness);
        });
    }

    // ---- database initialisation ----

    @Test
    void initScriptIsMountedIntoPostgres() {
        assertThat(listOfStrings(map(services.get("postgres")).get("volumes")))
                .as("volumes of postgres")
                .anySatisfy(volume -> assertThat(volume)
                        .contains("docker/postgres/init-databases.sql")
                        .contains("/docker-entrypoint-initdb.d"));
    }

    @Test
    void initScriptCreatesEveryDatabaseTheServicesUse() throws IOException {
        Set<String> created = databasesCreatedBy(INIT_SCRIPT);
        DATABASE_OF_SERVICE.keySet().forEach(service -> assertThat(created)
                .as("databases created by %s", INIT_SCRIPT)
                .contains(databaseNamedIn(environmentOf(service).get("SPRING_DATASOURCE_URL"))));
    }

    // ---- host ports ----

    @Test
    void onlyTheGatewayAndTheMailUiArePublishedOnTheHostAsInProduction() {
        services.keySet().forEach(container -> assertThat(hostPortsOf(container)).as("host ports of %s", container)
                .isEqualTo(switch (container) {
                    case "gateway" -> List.of("8080");
                    case "mailpit" -> List.of("8025");
                    default -> List.of();
                }));
    }

    @Test
    void servicesBrokerAndDatabaseAreOnlyOnTheInternalNetwork() {
        Map<String, Object> networks = map(compose.get("networks"));
        assertThat(map(networks.get("internal")).get("internal")).as("the internal network has no way in or out").isEqualTo(true);
        services.keySet().forEach(container -> {
            List<Object> joined = networksOf(container);
            assertThat(joined).as("networks of %s", container).isNotNull().contains("internal");
            switch (container) {
                case "gateway", "mailpit" -> assertThat(joined).as("networks of %s", container).containsExactlyInAnyOrder("internal", "edge");
                // Merchants' webhook receivers are outside: an outgoing network, no published port.
                case "webhook-dispatcher" -> assertThat(joined).containsExactlyInAnyOrder("internal", "egress");
                default -> assertThat(joined).as("networks of %s", container).containsExactly("internal");
            }
        });
        assertThat(map(networks.get("egress")).get("internal")).as("egress is not internal").isNotEqualTo(true);
    }

    @Test
    void noTwoContainersPublishTheSameHostPort() {
        Map<String, String> containerByHostPort = new HashMap<>();
        services.keySet().forEach(container -> hostPortsOf(container).forEach(port -> {
            String previous = containerByHostPort.putIfAbsent(port, container);
            assertThat(previous).as("host port %s is published by both %s and %s", port, previous, container).isNull();
        }));
    }

    // ---- image build ----

    @Test
    void applicationServicesAreBuiltFromTheSharedDockerfileWithTheirModule() {
        APPLICATION_SERVICES.forEach(service -> {
            Map<String, Object> build = map(map(services.get(service)).get("build"));
            assertThat(dockerfileOf(service)).as("Dockerfile of %s", service).isRegularFile();
            assertThat(map(build.get("args")).get("MODULE")).as("build arg MODULE of %s", service).isEqualTo(service);
            assertThat(REPO_ROOT.resolve(service).resolve("pom.xml")).as("Maven module %s", service).isRegularFile();
        });
    }

    @Test
    void dockerfileRunsTheServiceAsANonRootUser() throws IOException {
        for (String service : APPLICATION_SERVICES) {
            String user = lastUserInstruction(dockerfileOf(service));
            assertThat(user).as("last USER instruction of %s", dockerfileOf(service)).isNotNull();
            assertThat(user.split(":")[0]).as("runtime user").isNotIn("root", "0");
        }
    }

    @Test
    void dockerfileCopiesThePomOfEveryModuleBeforeResolvingDependencies() throws IOException {
        String dockerfile = Files.readString(dockerfileOf("gateway"));
        for (String module : modulesOfRootPom()) {
            assertThat(dockerfile).as("the Dockerfile copies %s/pom.xml (listed in the root pom)", module)
                    .containsPattern("(?m)^COPY\\s+" + Pattern.quote(module + "/pom.xml") + "\\s");
        }
    }

    // ---- helpers: reading the compose file ----

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services of docker-compose.yml").containsKey(name);
        return map(services.get(name));
    }

    /** The `environment:` of a service as text, whether written as a map or as a list of KEY=VALUE. */
    private static Map<String, String> environmentOf(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            for (String line : listOfStrings(environment)) {
                String[] keyAndValue = line.split("=", 2);
                env.put(keyAndValue[0], keyAndValue.length == 2 ? keyAndValue[1] : null);
            }
        }
        return env;
    }

    /** The `depends_on:` of a service; the long form is required, since only it can wait for health. */
    private static Map<String, Object> dependenciesOf(String name) {
        Object dependsOn = service(name).get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        assertThat(dependsOn).as("depends_on of %s must be a map with a condition per service", name)
                .isInstanceOf(Map.class);
        return map(dependsOn);
    }

    /** The health check command of a service, joined into one line. */
    private static String healthCheckOf(String name) {
        Object test = map(service(name).get("healthcheck")).get("test");
        return test instanceof List<?> parts ? String.join(" ", listOfStrings(parts)) : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> networksOf(String name) {
        return (List<Object>) service(name).get("networks");
    }

    /** Host ports a container publishes: "8080:8080", "127.0.0.1:8080:8080" or the long form with `published`. */
    private static List<String> hostPortsOf(String name) {
        Object ports = service(name).get("ports");
        List<String> hostPorts = new ArrayList<>();
        if (ports == null) {
            return hostPorts;
        }
        for (Object port : (List<?>) ports) {
            if (port instanceof Map<?, ?> longForm) {
                if (longForm.get("published") != null) {
                    hostPorts.add(String.valueOf(longForm.get("published")));
                }
            } else {
                String[] parts = String.valueOf(port).replaceFirst("/\\w+$", "").split(":");
                if (parts.length >= 2) {
                    hostPorts.add(parts[parts.length - 2]);
                }
            }
        }
        return hostPorts;
    }

    private static Path dockerfileOf(String name) {
        Map<String, Object> build = map(service(name).get("build"));
        Path context = REPO_ROOT.resolve(String.valueOf(build.getOrDefault("context", ".")));
        return context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
    }

    // ---- helpers: reading the other deployment files ----

    private static Set<String> databasesCreatedBy(Path initScript) throws IOException {
        assertThat(initScript).as("PostgreSQL init script").isRegularFile();
        Matcher matcher = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?").matcher(Files.readString(initScript));
        Set<String> databases = new TreeSet<>();
        while (matcher.find()) {
            databases.add(matcher.group(1));
        }
        return databases;
    }

    private static String databaseNamedIn(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    }

    /** The argument of the Dockerfile's last USER instruction, the user the container runs as; null if none. */
    private static String lastUserInstruction(Path dockerfile) throws IOException {
        String user = null;
        for (String line : Files.readAllLines(dockerfile)) {
            Matcher matcher = Pattern.compile("^\\s*USER\\s+(\\S+)", Pattern.CASE_INSENSITIVE).matcher(line);
            if (matcher.find()) {
                user = matcher.group(1);
            }
        }
        return user;
    }

    /** The product build's modules; a profile's modules (benchmark-only builds) never enter the image. */
    private static List<String> modulesOfRootPom() throws IOException {
        String pom = Files.readString(REPO_ROOT.resolve("pom.xml")).replaceAll("(?s)<profiles>.*</profiles>", "");
        Matcher matcher = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom);
        List<String> modules = new ArrayList<>();
        while (matcher.find()) {
            modules.add(matcher.group(1));
        }
        assertThat(modules).as("modules of the root pom").isNotEmpty();
        return modules;
    }

    // ---- helpers: plain YAML values ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertThat(yaml).as("expected a YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    private static List<String> listOfStrings(Object yaml) {
        assertThat(yaml).as("expected a YAML list").isInstanceOf(List.class);
        return ((List<?>) yaml).stream().map(String::valueOf).toList();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}
