package com.partnersportal.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) from the Maven Central
 * jars in {@code local-launcher/target/lib}. Config in {@code .run/kafka/server.properties}; data in
 * {@code .run/kafka/data}, formatted once and kept across restarts.
 */
record KafkaProcess(RunDirectory run) implements PlatformProcess {

    static final String BOOTSTRAP = "127.0.0.1:9092";

    @Override
    public String name() { return "kafka"; }

    @Override
    public List<Integer> ports() { return List.of(9092, 9093); }

    @Override
    public String url() { return BOOTSTRAP; }

    @Override
    public String healthUrl() { return "describeCluster @ " + BOOTSTRAP; }

    @Override
    public Process start(ProcessStarter starter) throws IOException {
        Path serverProperties = writeConfig();
        formatStorageOnce(serverProperties);
        return starter.start(name(), List.of(
                "-Xms512m", "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + run.kafka().resolve("log4j2.xml"),
                "-cp", classpath(),
                "kafka.Kafka", serverProperties.toString()), Map.of());
    }

    @Override
    public boolean isHealthy() {
        if (!HealthWait.portOpen(9092)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    Path dataDir() { return run.kafka().resolve("data"); }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dataDir());
        Path serverProperties = run.kafka().resolve("server.properties");
        Files.writeString(serverProperties, resource("kafka/server.properties").replace("@DATA_DIR@", dataDir().toString()));
        Files.writeString(run.kafka().resolve("log4j2.xml"), resource("kafka/log4j2.xml"));
        return serverProperties;
    }

    /** {@code kafka-storage format} with a fresh cluster id, unless the data directory already holds a formatted log. */
    private void formatStorageOnce(Path serverProperties) throws IOException {
        if (Files.exists(dataDir().resolve("meta.properties"))) {
            return;
        }
        Path log = run.kafka().resolve("format.log");
        Process format = new ProcessBuilder(
                ProcessStarter.java().toString(),
                "-Dlog4j2.configurationFile=" + run.kafka().resolve("log4j2.xml"),
                "-cp", classpath(),
                "kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IOException("formatting the Kafka storage failed, see " + run.display(log) + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the Kafka storage", e);
        }
    }

    private String classpath() {
        return run.launcherTarget("lib").resolve("*").toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KafkaProcess.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name + " on the launcher classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
