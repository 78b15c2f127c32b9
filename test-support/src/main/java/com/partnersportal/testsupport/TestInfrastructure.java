package com.partnersportal.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/** The infrastructure of this test JVM, chosen once: containers when Docker runs, local otherwise. */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static Databases databases;
    private static RedisServer redis;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = useContainers() ? KafkaBroker.container() : KafkaBroker.embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized Databases databases() {
        if (databases == null) {
            databases = useContainers() ? Databases.container() : Databases.localServer();
            Runtime.getRuntime().addShutdownHook(new Thread(databases::dropAll, "test-databases-drop"));
        }
        return databases;
    }

    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = useContainers() ? RedisServer.container() : RedisServer.localServer();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "test-redis-stop"));
        }
        return redis;
    }

    static boolean useContainers() {
        String choice = System.getenv().getOrDefault("PORTAL_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "containers" -> true;
            case "local" -> false;
            default -> dockerAvailable();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
