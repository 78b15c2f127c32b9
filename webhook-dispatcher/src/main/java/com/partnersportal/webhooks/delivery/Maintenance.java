package com.partnersportal.webhooks.delivery;

import com.partnersportal.webhooks.settings.WebhookProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers, on every replica (each change re-checks under the endpoint's row lock, so each happens once): endpoints
 * failing without a success for {@code disable-after} are disabled; attempts and finished messages past their
 * retention are deleted in small batches; the queue-depth and circuit gauges are refreshed.
 */
@Component
class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EndpointDisabler disabler;
    private final WebhookProperties properties;
    private final DeliveryMetrics metrics;
    private final EndpointGuards guards;
    private final Clock clock;

    Maintenance(JdbcClient jdbc, TransactionTemplate transaction, EndpointDisabler disabler, WebhookProperties properties,
            DeliveryMetrics metrics, EndpointGuards guards, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.disabler = disabler;
        this.properties = properties;
        this.metrics = metrics;
        this.guards = guards;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.webhooks.maintenance-interval:60s}", initialDelayString = "${portal.webhooks.maintenance-interval:60s}")
    void run() {
        disableFailing();
        prune();
    }

    void disableFailing() {
        Instant cutoff = clock.instant().minus(properties.disableAfter());
        List<Map<String, Object>> failing = jdbc.sql("""
                        SELECT id, last_error FROM webhook_endpoint
                        WHERE enabled AND deleted_at IS NULL AND failing_since <= :cutoff""")
                .param("cutoff", Timestamp.from(cutoff)).query().listOfRows();
        for (Map<String, Object> row : failing) {
            try {
                transaction.executeWithoutResult(status -> disabler.disable((UUID) row.get("id"),
                        EndpointDisabler.FAILING_SINCE, (String) row.get("last_error"), cutoff));
            } catch (RuntimeException e) {
                log.warn("Disabling failing endpoint {} failed; the next pass tries again: {}", row.get("id"), e.toString());
            }
        }
    }

    void prune() {
        Instant now = clock.instant();
        int attempts = deleteInBatches("""
                DELETE FROM webhook_attempt WHERE id IN (
                    SELECT id FROM webhook_attempt WHERE started_at < :cutoff LIMIT :batch)""",
                now.minus(properties.attemptRetention()));
        int messages = deleteInBatches("""
                DELETE FROM webhook_message WHERE id IN (
                    SELECT id FROM webhook_message WHERE created_at < :cutoff AND status <> 'pending' AND finished_at < :cutoff
                    LIMIT :batch)""",
                now.minus(properties.messageRetention()));
        if (attempts + messages > 0) {
            log.info("Retention removed {} attempts and {} finished messages", attempts, messages);
        }
    }

    private int deleteInBatches(String sql, Instant cutoff) {
        int total = 0;
        int deleted;
        int passes = 0;
        do {
            deleted = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff)).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH && ++passes < 200);
        return total;
    }

    @Scheduled(fixedDelayString = "${portal.webhooks.gauge-interval:10s}", initialDelay = 2000)
    void refreshGauges() {
        Map<UUID, Long> depths = new HashMap<>();
        // Every endpoint that exists has a series (0 without a queue), so dashboards show it before anything waits;
        // a deleted endpoint's only while messages still wait for it.
        jdbc.sql("""
                        SELECT e.id AS endpoint_id, count(m.id) AS n
                        FROM webhook_endpoint e
                        LEFT JOIN webhook_message m ON m.endpoint_id = e.id AND m.status = 'pending'
                        WHERE e.deleted_at IS NULL OR m.id IS NOT NULL
                        GROUP BY e.id""")
                .query((rs, n) -> depths.put(rs.getObject("endpoint_id", UUID.class), rs.getLong("n"))).list();
        metrics.depths(depths);
        metrics.circuits(guards.circuitStates());
    }
}
