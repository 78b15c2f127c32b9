package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two messages of one endpoint answered 410 Gone at the same moment, recorded by two replicas: once deadlocked
 * (one recording held its message and waited for the endpoint, the other held the endpoint and, disabling it,
 * waited for that message). The endpoint's row is held here until both recordings are waiting, so the moment is
 * the same on every run.
 */
@WebhooksIntegrationTest
class GoneRaceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Outcomes outcomes;

    final UUID merchant = UUID.randomUUID();

    @Test
    void twoGoneAnswersAtOnceAreBothRecordedAndDisableTheEndpointOnce() throws Exception {
        String url = "https://gone-at-once.example.com/hook";
        UUID endpoint = new WebhooksApi(port).register(merchant, url, List.of("order_approved"));
        ClaimedMessage first = claimed(endpoint, url, "replica-a");
        ClaimedMessage second = claimed(endpoint, url, "replica-b");
        UUID waiting = pending(endpoint);
        AttemptResult gone = new AttemptResult(AttemptResult.GONE, Instant.now(), Duration.ofMillis(20), url, Map.of(),
                410, "", null, null);

        ExecutorService replicas = Executors.newVirtualThreadPerTaskExecutor();
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("SELECT 1 FROM webhook_endpoint WHERE id = '" + endpoint + "' FOR NO KEY UPDATE");
            ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
            pid.next();
            int holderPid = pid.getInt(1);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(
                    () -> outcomes.record(first, "replica-a", gone, Optional.empty()), replicas);
            CompletableFuture<String> b = CompletableFuture.supplyAsync(
                    () -> outcomes.record(second, "replica-b", gone, Optional.empty()), replicas);
            // Both wait, on the held row or behind each other for it.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                            WITH RECURSIVE waiting (pid) AS (
                                SELECT pid FROM pg_stat_activity WHERE :holder = ANY (pg_blocking_pids(pid))
                                UNION
                                SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY (pg_blocking_pids(a.pid))
                            )
                            SELECT count(*) FROM waiting""")
                    .param("holder", holderPid).query(Long.class).single() == 2);
            holder.commit();

            assertThat(a.get()).isEqualTo("failed");
            assertThat(b.get()).isEqualTo("failed");
        } finally {
            replicas.shutdown();
        }

        assertThat(jdbc.sql("SELECT enabled, disabled_reason FROM webhook_endpoint WHERE id = :id").param("id", endpoint)
                .query().singleRow()).containsEntry("enabled", false).containsEntry("disabled_reason", "gone");
        assertThat(jdbc.sql("SELECT status FROM webhook_message WHERE id IN (:a, :b, :c)").param("a", first.id())
                .param("b", second.id()).param("c", waiting).query(String.class).list())
                .containsExactly("failed", "failed", "failed");
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_attempt WHERE endpoint_id = :id AND outcome = 'gone'")
                .param("id", endpoint).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM outbox_event
                        WHERE message_key = :id AND event_type = :type""")
                .param("id", endpoint.toString()).param("type", WebhookEndpointDisabled.TYPE).query(Long.class).single()).isEqualTo(1);
    }

    /** A message this replica is sending now: leased to it. */
    private ClaimedMessage claimed(UUID endpoint, String url, String replica) {
        UUID id = insert(endpoint, replica);
        return new ClaimedMessage(id, endpoint, merchant, "order_approved", id, false, "{}", 0, Instant.now(), url, Map.of(),
                null, 16, List.of(), null, Instant.now(), false);
    }

    private UUID pending(UUID endpoint) {
        return insert(endpoint, null);
    }

    private UUID insert(UUID endpoint, String replica) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key,
                                                     payload, status, next_attempt_at, claimed_until, claimed_by,
                                                     occurred_at, created_at)
                        VALUES (:id, :e, :m, :id, 'order_approved', :id, :id, '{}', 'pending', :far, :until, :by, :now, :now)""")
                .param("id", id).param("e", endpoint).param("m", merchant)
                .param("far", Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
                .param("until", replica == null ? null : Timestamp.from(Instant.now().plus(Duration.ofMinutes(1))),
                        java.sql.Types.TIMESTAMP)
                .param("by", replica, java.sql.Types.VARCHAR).param("now", now).update();
        return id;
    }
}
