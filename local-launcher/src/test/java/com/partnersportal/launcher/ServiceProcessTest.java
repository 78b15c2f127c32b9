package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private final RunDirectory run = new RunDirectory(Path.of("/repo"));
    private final PostgresCheck.Settings pg = PostgresCheck.Settings.fromEnvironment(Map.of());

    @Test
    void fiveBackendsOnTheirPortsAndDatabases() {
        assertThat(ServiceProcess.backends(run, pg))
                .extracting(ServiceProcess::name, ServiceProcess::port, ServiceProcess::database)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("identity-service", 8081, "portal_identity"),
                        org.assertj.core.groups.Tuple.tuple("orders-service", 8082, "portal_orders"),
                        org.assertj.core.groups.Tuple.tuple("settlement-service", 8083, "portal_settlement"),
                        org.assertj.core.groups.Tuple.tuple("webhook-dispatcher", 8084, "portal_webhooks"),
                        org.assertj.core.groups.Tuple.tuple("notification-service", 8085, "portal_notification"));
    }

    @Test
    void serviceEnvironmentPointsAtTheLocalInfrastructure() {
        ServiceProcess orders = ServiceProcess.backends(run, pg).get(1);

        assertThat(orders.jar()).isEqualTo(Path.of("/repo/orders-service/target/orders-service-0.1.0-SNAPSHOT.jar"));
        assertThat(orders.healthUrl()).isEqualTo("http://127.0.0.1:8082/actuator/health/readiness");
        assertThat(orders.environment()).contains(
                entry("SERVER_PORT", "8082"),
                entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/portal_orders"),
                entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                entry("PORTAL_ENVIRONMENT", "sandbox"),
                entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
    }

    @Test
    void serviceSpecificVariables() {
        List<ServiceProcess> backends = ServiceProcess.backends(run, pg);
        assertThat(backends.getFirst().environment()).contains(entry("PORTAL_DEMO_SEED_FILE", "/repo/.run/demo-credentials.json"));
        assertThat(backends.getLast().environment()).contains(entry("SPRING_MAIL_HOST", "127.0.0.1"), entry("SPRING_MAIL_PORT", "3025"));

        Map<String, String> gateway = ServiceProcess.gateway(run, pg).environment();
        assertThat(gateway).contains(
                entry("SERVER_PORT", "8080"),
                entry("PORTAL_SERVICES_IDENTITY_URL", "http://127.0.0.1:8081"),
                entry("PORTAL_SERVICES_NOTIFICATION_URL", "http://127.0.0.1:8085"));
        assertThat(gateway).doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void postgresSettingsFromTheLibpqVariables() {
        PostgresCheck.Settings custom = PostgresCheck.Settings.fromEnvironment(
                Map.of("PGHOST", "db.local", "PGPORT", "5433", "PGUSER", "portal", "PGPASSWORD", "secret"));
        assertThat(custom.jdbcUrl("portal_orders")).isEqualTo("jdbc:postgresql://db.local:5433/portal_orders");
        assertThat(custom.user()).isEqualTo("portal");

        // A socket directory is not something JDBC can reach: fall back to TCP on localhost.
        assertThat(PostgresCheck.Settings.fromEnvironment(Map.of("PGHOST", "/var/run/postgresql")).host()).isEqualTo("127.0.0.1");
    }
}
