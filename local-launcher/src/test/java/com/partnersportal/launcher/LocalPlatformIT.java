package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run command, end to end: {@code ./portal start} brings the six services up healthy, an order
 * posted to {@code POST /checkout} through the gateway is consumed once by each of the three consumers,
 * a second start says the platform runs, a message no consumer can handle is parked on a dead-letter topic
 * where {@code ./portal dead-letters} shows and replays it, and {@code ./portal stop} leaves no process behind.
 */
class LocalPlatformIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> CONSUMERS = List.of("settlement-service", "webhook-dispatcher", "notification-service");

    @AfterAll
    static void stopEvenIfATestFailed() throws Exception {
        portal("stop");
    }

    @Test
    void theWholePlatformRunsAnOrderThroughEveryConsumerParksPoisonAndStopsCleanly() throws Exception {
        Result started = portal("start");
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(started.output()).contains("SANDBOX");

        Result again = portal("start");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running");

        JsonNode credentials = JSON.readTree(Files.readString(ROOT.resolve(".run/demo-credentials.json")));
        String apiToken = credentials.get("api_token").get("token").asString();
        HttpResponse<String> checkout = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/checkout"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiToken)
                .POST(HttpRequest.BodyPublishers.ofString(checkoutBody()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
        String orderId = JSON.readTree(checkout.body()).get("order_id").asString();

        for (String consumer : CONSUMERS) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(consumedLogLines(consumer, orderId)).as("%s consumed order %s", consumer, orderId).isEqualTo(1));
        }

        String poisonKey = "poison-" + UUID.randomUUID();
        publishWithoutEventId(poisonKey);
        String deadLetterTopic = "error.orders.order-events.v1.settlement-service";
        await().atMost(Duration.ofSeconds(60)).until(() -> portal("dead-letters", "list", deadLetterTopic).output()
                .lines().filter(line -> line.contains("key=" + poisonKey)).count() == 1);

        Result replayed = portal("dead-letters", "replay", deadLetterTopic);
        assertThat(replayed.exitCode()).as(replayed.output()).isZero();
        assertThat(replayed.output()).contains("to orders.order-events.v1");
        // Still unreadable, so the replayed record is retried and parked once more.
        await().atMost(Duration.ofSeconds(60)).until(() -> portal("dead-letters", "list", deadLetterTopic).output()
                .lines().filter(line -> line.contains("key=" + poisonKey)).count() == 2);

        Result stopped = portal("stop");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        assertThat(platformProcesses()).as("processes left after stop").isEmpty();
    }

    private static void publishWithoutEventId(String key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders.order-events.v1", key, "{\"not\": \"an order event\"}")).get();
        }
    }

    private static long consumedLogLines(String service, String orderId) throws IOException {
        try (var lines = Files.lines(ROOT.resolve(".run/logs/" + service + ".log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Consumed event") && line.contains(orderId)).count();
        }
    }

    private static List<String> platformProcesses() {
        String marker = "-Dportal.run=" + ROOT.resolve(".run");
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(marker))
                .toList();
    }

    private static Result portal(String... command) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>(List.of(ROOT.resolve("portal").toString()));
        commandLine.addAll(List.of(command));
        Process process = new ProcessBuilder(commandLine)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    private static String checkoutBody() {
        return """
                {"order_reference_id": "E2E-1", "total_amount": {"amount": 300.00, "currency": "SAR"},
                 "country_code": "SA",
                 "items": [{"reference_id": "1", "type": "Physical", "name": "Lamp", "sku": "L-1", "quantity": 1,
                            "total_amount": {"amount": 300.00, "currency": "SAR"}}],
                 "consumer": {"first_name": "Noura", "last_name": "Al-Harbi", "phone_number": "+966500000001",
                              "email": "noura@example.com"},
                 "shipping_address": {"first_name": "Noura", "last_name": "Al-Harbi", "line1": "King Fahd Rd",
                                      "city": "Riyadh", "country_code": "SA"}}""";
    }

    private record Result(int exitCode, String output) {
    }
}
