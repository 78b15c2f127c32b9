package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.work.DurableWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code portal.webhooks.attempts{outcome}}, {@code portal.webhooks.messages{status}} (delivered or failed for good),
 * {@code portal.webhooks.attempt.duration} (histogram), {@code portal.webhooks.delivery.lag} (order event's time to
 * the receiver's 2xx, histogram), {@code portal.webhooks.queue.depth{endpoint}} and
 * {@code portal.webhooks.circuit.state{endpoint}} (0 closed, 1 open, 2 half-open), {@code portal.webhooks.pending} (all endpoints), {@code portal.webhooks.in.flight}.
 */
final class DeliveryMetrics {

    private final MeterRegistry meters;
    private final Timer attemptDuration;
    private final Timer lag;
    private final MultiGauge queueDepth;
    private final MultiGauge circuitState;
    private final AtomicLong totalDepth = new AtomicLong();

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.attemptDuration = Timer.builder("portal.webhooks.attempt.duration")
                .description("Time of one delivery attempt, connection to answer").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
        this.lag = Timer.builder("portal.webhooks.delivery.lag")
                .description("From the order event's time to the receiver's 2xx").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(30)).register(meters);
        this.queueDepth = MultiGauge.builder("portal.webhooks.queue.depth")
                .description("Messages waiting per endpoint").register(meters);
        this.circuitState = MultiGauge.builder("portal.webhooks.circuit.state")
                .description("Circuit breaker per endpoint in this replica: 0 closed, 1 open, 2 half-open").register(meters);
        Gauge.builder("portal.webhooks.pending", totalDepth, AtomicLong::get)
                .description("Messages waiting for all endpoints").register(meters);
    }

    void inFlight(DurableWorker<?> delivery) {
        Gauge.builder("portal.webhooks.in.flight", delivery, DurableWorker::inFlight)
                .description("Attempts running in this replica").register(meters);
    }

    void attempt(AttemptResult result, ClaimedMessage message, String status, Instant now) {
        Counter.builder("portal.webhooks.attempts").description("Delivery attempts by outcome")
                .tag("outcome", result.outcome()).register(meters).increment();
        attemptDuration.record(result.latency());
        if (!"pending".equals(status)) {
            Counter.builder("portal.webhooks.messages").description("Messages delivered, or given up on")
                    .tag("status", status).register(meters).increment();
        }
        if (result.succeeded() && !message.test()) {
            lag.record(Duration.between(message.occurredAt(), now));
        }
    }

    void depths(Map<UUID, Long> depths) {
        totalDepth.set(depths.values().stream().mapToLong(Long::longValue).sum());
        queueDepth.register(depths.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("endpoint", e.getKey().toString()), e.getValue()))
                .toList(), true);
    }

    void circuits(Map<UUID, Integer> states) {
        circuitState.register(states.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("endpoint", e.getKey().toString()), e.getValue()))
                .toList(), true);
    }
}
