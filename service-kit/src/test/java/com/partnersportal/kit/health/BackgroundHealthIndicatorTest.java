package com.partnersportal.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.partnersportal.kit.kafka.KafkaHealthIndicator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** A probe gets an answer at once whatever the dependency does: down, hanging or back. */
class BackgroundHealthIndicatorTest {

    /** Bounds every probe: a probe that waits on the dependency fails the test instead of passing slowly. */
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final BackgroundHealthProperties properties =
            new BackgroundHealthProperties(List.of("db", "kafka"), Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(300));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aStoppedBrokerIsReportedDownAtOnce() throws IOException {
        int stoppedBroker;
        try (ServerSocket socket = new ServerSocket(0)) {
            stoppedBroker = socket.getLocalPort();
        }
        AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stoppedBroker,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        KafkaHealthIndicator kafka = new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
        BackgroundHealthIndicator background = start("kafka", kafka);
        try {
            for (int probe = 0; probe < 5; probe++) {
                assertThat(probe(background).getStatus()).isEqualTo(Status.DOWN);
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(probe(background).getDetails()).containsKey("error"));
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void aCheckThatHangsIsDownOnceItsLastResultIsStale() {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicReference<Boolean> hung = new AtomicReference<>(false);
        HealthIndicator database = () -> {
            if (hung.get()) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Health.up().build();
        };
        BackgroundHealthIndicator background = start("db", database);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> probe(background).getStatus().equals(Status.UP));

            hung.set(true);

            await().atMost(Duration.ofSeconds(10)).until(() -> probe(background).getStatus().equals(Status.DOWN));
            assertThat(probe(background).getDetails().get("reason").toString()).contains("has not answered");
        } finally {
            hang.countDown();
        }
    }

    @Test
    void aDependencyThatComesBackIsUpAgain() {
        AtomicReference<Health> state = new AtomicReference<>(Health.down().build());
        BackgroundHealthIndicator background = start("kafka", state::get);

        assertThat(probe(background).getStatus()).isEqualTo(Status.DOWN);
        state.set(Health.up().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> probe(background).getStatus().equals(Status.UP));
    }

    private BackgroundHealthIndicator start(String name, HealthIndicator check) {
        BackgroundHealthIndicator background = new BackgroundHealthIndicator(name, check, properties, scheduler);
        background.start();
        return background;
    }

    private static Health probe(BackgroundHealthIndicator indicator) {
        return assertTimeoutPreemptively(PROBE, () -> indicator.health(true));
    }
}
