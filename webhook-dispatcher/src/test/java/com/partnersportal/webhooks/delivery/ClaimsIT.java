package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.webhooks.settings.WebhookProperties;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim per endpoint (ADR 21): each endpoint gets no more than its room, a full or parked endpoint's backlog is
 * not claimed, only an order's oldest pending message is, and a disabled endpoint gets nothing. Messages here are due
 * an hour from now and claimed "then", so the running dispatcher leaves them alone.
 */
@WebhooksIntegrationTest
class ClaimsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookProperties properties;

    final UUID merchant = UUID.randomUUID();
    final Instant due = Instant.now().plus(Duration.ofHours(1));
    final Instant then = due.plusSeconds(1);
    /** Each message a millisecond after the one before: the claim takes the oldest due first. */
    int made;
    final List<UUID> endpoints = new ArrayList<>();

    @AfterEach
    void removeTheMessages() {
        for (UUID endpoint : endpoints) {
            jdbc.sql("DELETE FROM webhook_message WHERE endpoint_id = :e").param("e", endpoint).update();
        }
    }

    @Test
    void eachEndpointGetsItsRoomAndOnlyTheHeadsOfItsOrders() {
        UUID small = endpoint(2);
        UUID ordered = endpoint(null);
        UUID disabled = endpoint(null);
        jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE WHERE id = :id").param("id", disabled).update();
        List<UUID> smallOnes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            smallOnes.add(message(small, "order-" + i));
        }
        UUID head = message(ordered, "order-a");
        UUID later = message(ordered, "order-a");
        UUID other = message(ordered, "order-b");
        message(disabled, "order-c");

        Claims claims = new Claims(jdbc, properties, "claims-it-" + UUID.randomUUID());
        List<UUID> got = claims.claim(100, List.of(), Map.of(small, 1), then).stream().map(ClaimedMessage::id).toList();

        // The small endpoint has room for one more (two at most, one running), so its oldest goes.
        assertThat(got).containsExactlyInAnyOrder(smallOnes.getFirst(), head, other);
        assertThat(got).doesNotContain(later);
        // Leased now: a second claim gets what is left of the room, nothing twice.
        assertThat(claims.claim(100, List.of(), Map.of(), then)).extracting(ClaimedMessage::id)
                .containsExactly(smallOnes.get(1), smallOnes.get(2));
    }

    @Test
    void aFullOrParkedEndpointsBacklogIsNotClaimedAndTheOthersAre() {
        UUID full = endpoint(3);
        UUID parked = endpoint(null);
        UUID free = endpoint(null);
        for (int i = 0; i < 50; i++) {
            message(full, "full-" + i);
            message(parked, "parked-" + i);
        }
        UUID waiting = message(free, "free-1");

        Claims claims = new Claims(jdbc, properties, "claims-it-" + UUID.randomUUID());
        assertThat(claims.claim(10, List.of(parked), Map.of(full, 3), then)).extracting(ClaimedMessage::id)
                .containsExactly(waiting);
        assertThat(claims.claim(10, List.of(parked, full), Map.of(), then)).isEmpty();
        assertThat(claims.claim(10, List.of(), Map.of(), then)).hasSize(10)
                .allSatisfy(c -> assertThat(c.endpointId()).isIn(full, parked));
    }

    private UUID endpoint(Integer maxConcurrency) {
        UUID id = new WebhooksApi(port).register(merchant, "https://claims-" + UUID.randomUUID() + ".example.com/hook",
                List.of("order_approved"));
        jdbc.sql("UPDATE webhook_endpoint SET max_concurrency = :c WHERE id = :id")
                .param("c", maxConcurrency, java.sql.Types.INTEGER).param("id", id).update();
        endpoints.add(id);
        return id;
    }

    private UUID message(UUID endpoint, String orderKey) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key,
                                                     payload, status, next_attempt_at, occurred_at, created_at)
                        VALUES (:id, :e, :m, :event, 'order_approved', NULL, :key, '{}', 'pending', :due, :due, :due)""")
                .param("id", id).param("e", endpoint).param("m", merchant).param("event", "claims-" + id)
                .param("key", orderKey).param("due", Timestamp.from(due.plusMillis(made++))).update();
        return id;
    }
}
