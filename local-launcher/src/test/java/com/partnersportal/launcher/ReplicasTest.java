package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicasTest {

    private final PostgresCheck.Settings pg = PostgresCheck.Settings.fromEnvironment(Map.of());

    @Test
    void eachReplicaOnItsOwnPortSharingTheServicesDatabase() {
        RunDirectory run = new RunDirectory(Path.of("/repo"));
        Replicas replicas = Replicas.parse("orders-service=2,webhook-dispatcher=3,identity-service=2", ServiceProcess.BACKENDS);

        List<ServiceProcess> backends = ServiceProcess.backends(run, pg, replicas);

        assertThat(backends).extracting(ServiceProcess::name, ServiceProcess::port, ServiceProcess::database)
                .contains(org.assertj.core.groups.Tuple.tuple("orders-service", 8082, "portal_orders"),
                        org.assertj.core.groups.Tuple.tuple("orders-service-2", 8182, "portal_orders"),
                        org.assertj.core.groups.Tuple.tuple("webhook-dispatcher-3", 8284, "portal_webhooks"))
                .hasSize(9);
        assertThat(backends.get(3).jar()).isEqualTo(Path.of("/repo/orders-service/target/orders-service-0.1.0-SNAPSHOT.jar"));
        assertThat(backends.get(3).environment()).contains(entry("SERVER_PORT", "8182"));
        assertThat(backends.get(3).environment()).as("two replicas share one pool's worth of connections")
                .contains(entry("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5"));
        assertThat(backends.stream().filter(b -> b.name().equals("settlement-service")).findFirst().orElseThrow().environment())
                .doesNotContainKey("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE");
        assertThat(backends.get(0).environment()).containsKey("PORTAL_DEMO_SEED_FILE");
        assertThat(backends.stream().filter(b -> b.name().equals("identity-service-2")).findFirst().orElseThrow().environment())
                .as("only the first identity replica seeds the demo merchant").doesNotContainKey("PORTAL_DEMO_SEED_FILE");
        assertThat(backends).as("every service calls identity at each of its replicas").allSatisfy(backend ->
                assertThat(backend.environment()).contains(
                        entry("PORTAL_SERVICES_IDENTITY_URL", "http://127.0.0.1:8081,http://127.0.0.1:8181")));
        assertThat(ServiceProcess.gateway(run, pg, backends).environment()).contains(
                entry("PORTAL_SERVICES_ORDERS_URL", "http://127.0.0.1:8082,http://127.0.0.1:8182"),
                entry("PORTAL_SERVICES_WEBHOOKS_URL", "http://127.0.0.1:8084,http://127.0.0.1:8184,http://127.0.0.1:8284"),
                entry("PORTAL_SERVICES_IDENTITY_URL", "http://127.0.0.1:8081,http://127.0.0.1:8181"));
    }

    @Test
    void onlyBackendServicesWithACountFromOneToNine() {
        assertThatThrownBy(() -> Replicas.parse("gateway=2", ServiceProcess.BACKENDS)).hasMessageContaining("SERVICE one of");
        assertThatThrownBy(() -> Replicas.parse("orders-service=0", ServiceProcess.BACKENDS)).hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> Replicas.parse("orders-service=two", ServiceProcess.BACKENDS)).hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> Replicas.parse("orders-service", ServiceProcess.BACKENDS)).hasMessageContaining("SERVICE=N");
    }

    @Test
    void keptInTheRunDirectoryWhileThePlatformRuns(@TempDir Path home) {
        RunDirectory run = new RunDirectory(home);
        Replicas.parse("settlement-service=2", ServiceProcess.BACKENDS).write(run);

        assertThat(Replicas.read(run).of("settlement-service")).isEqualTo(2);
        assertThat(Replicas.read(run).of("orders-service")).isEqualTo(1);

        Replicas.one().write(run);
        assertThat(Replicas.read(run).counts()).isEmpty();
    }

    @Test
    void componentNamesSelectOneReplicaAllOfAServiceOrTheInfrastructure(@TempDir Path home) {
        Replicas.parse("orders-service=2", ServiceProcess.BACKENDS).write(new RunDirectory(home));
        LocalPlatform platform = new LocalPlatform(new RunDirectory(home), Map.of());

        assertThat(platform.select(List.of("orders-service"))).extracting(PlatformProcess::name)
                .containsExactly("orders-service", "orders-service-2");
        assertThat(platform.select(List.of("orders-service-2"))).extracting(PlatformProcess::name).containsExactly("orders-service-2");
        assertThat(platform.select(List.of("orders-service-1"))).extracting(PlatformProcess::name).containsExactly("orders-service");
        assertThat(platform.select(List.of("gateway", "broker", "mail-catcher"))).extracting(PlatformProcess::name)
                .containsExactly("kafka", "mail", "gateway");
        assertThatThrownBy(() -> platform.select(List.of("orders-service-3"))).hasMessageContaining("No component orders-service-3");
    }

    @Test
    void argumentsTakeReplicasAndComponentNames() {
        LocalPlatform.Arguments args = LocalPlatform.Arguments.parse(
                new String[] {"start", "--replicas", "orders-service=2", "kafka", "mail"});
        assertThat(args.command()).isEqualTo("start");
        assertThat(args.replicas()).contains("orders-service=2");
        assertThat(args.components()).containsExactly("kafka", "mail");
        assertThat(LocalPlatform.Arguments.parse(new String[] {"restart", "--replicas=orders-service=3"}).replicas())
                .contains("orders-service=3");
    }
}
