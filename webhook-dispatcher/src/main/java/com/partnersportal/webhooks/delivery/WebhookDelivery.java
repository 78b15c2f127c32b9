package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.work.Attempt;
import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.kit.work.Outcome;
import com.partnersportal.kit.work.WorkQueue;
import com.partnersportal.webhooks.settings.WebhookProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook messages as a queue of the kit's {@link DurableWorker} ({@code work=webhook-delivery}): the worker runs the
 * attempts on virtual threads (at most {@code max-in-flight} at once), retries by Svix's schedule and records the
 * outcomes in batches through {@link Outcomes}. On top sits the per-endpoint layer: the claim ({@link Claims}: heads
 * of each order only, per endpoint with room, leased by {@code claimed_until}) skips endpoints that are full in this
 * replica or parked by {@link EndpointGuards} (open breaker, spent rate, Retry-After); an attempt the breaker or the
 * rate limiter refuses is given back untried, due a moment later.
 */
final class WebhookDelivery implements WorkQueue<ClaimedMessage> {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final Claims claims;
    private final Sender sender;
    private final Outcomes outcomes;
    private final EndpointGuards guards;
    private final OpenedSecrets secrets;
    private final DeliveryMetrics metrics;
    private final WebhookProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Attempts running in this replica per endpoint, and each endpoint's limit as last seen. */
    private final Map<UUID, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> caps = new ConcurrentHashMap<>();

    WebhookDelivery(Claims claims, Sender sender, Outcomes outcomes, EndpointGuards guards, OpenedSecrets secrets,
            DeliveryMetrics metrics, WebhookProperties properties, JdbcClient jdbc,
            Clock clock) {
        this.claims = claims;
        this.sender = sender;
        this.outcomes = outcomes;
        this.guards = guards;
        this.secrets = secrets;
        this.metrics = metrics;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The kit worker's settings: the shared pool of attempts, one claim per free places, outcomes in batches. */
    static DurableWorker.Settings settings(WebhookProperties properties) {
        return new DurableWorker.Settings(properties.pollInterval(), properties.claimBatch(), properties.lease(),
                properties.attemptTimeout().plusSeconds(5), properties.maxInFlight(), properties.recordBatch());
    }

    @Override
    public List<Claimed<ClaimedMessage>> claim(Lease lease, int limit) {
        List<UUID> skipped = new ArrayList<>(guards.parked(lease.start()));
        Map<UUID, Integer> running = new HashMap<>();
        busy.forEach((endpoint, count) -> {
            int n = count.get();
            if (n >= caps.getOrDefault(endpoint, properties.endpointConcurrency())) {
                skipped.add(endpoint);
            } else if (n > 0) {
                running.put(endpoint, n);
            }
        });
        List<ClaimedMessage> claimed = claims.claim(limit, skipped, running, lease.start());
        List<Claimed<ClaimedMessage>> work = new ArrayList<>(claimed.size());
        for (ClaimedMessage message : claimed) {
            caps.put(message.endpointId(), message.maxConcurrency());
            busy.computeIfAbsent(message.endpointId(), id -> new AtomicInteger()).incrementAndGet();
            work.add(new Claimed<>(message, message.attempts() + 1, message.leaseExpired()));
        }
        return work;
    }

    @Override
    public void finished(Claimed<ClaimedMessage> work) {
        busy.get(work.item().endpointId()).decrementAndGet();
    }

    /** One attempt through the endpoint's breaker and rate limiter; the receiver's answer is the report. */
    @Override
    public Attempt attempt(Claimed<ClaimedMessage> work, Lease lease) {
        ClaimedMessage message = work.item();
        Instant now = clock.instant();
        CircuitBreaker breaker = guards.breaker(message.endpointId());
        if (!breaker.tryAcquirePermission()) {
            claims.release(message.id(), now.plusSeconds(1));
            return Attempt.givenBack();
        }
        RateLimiter limiter = guards.rateLimiter(message.endpointId(), message.rateLimit());
        if (limiter != null && !limiter.acquirePermission()) {
            breaker.releasePermission();
            claims.release(message.id(), now.plusMillis(Math.max(20, 1000 / Math.max(1, message.rateLimit() == null
                    ? properties.endpointRateLimit() : message.rateLimit()))));
            return Attempt.givenBack();
        }
        AttemptResult result;
        try {
            result = sender.send(secrets.opened(message), secrets.notificationToken(message));
        } catch (RuntimeException e) {
            breaker.releasePermission();
            log.warn("Preparing message {} failed; it is tried again later: {}", message.id(), e.toString());
            claims.release(message.id(), now.plusSeconds(30));
            return Attempt.givenBack();
        }
        if (result.succeeded()) {
            breaker.onSuccess(result.latency().toNanos(), TimeUnit.NANOSECONDS);
            return Attempt.succeeded(result);
        }
        breaker.onError(result.latency().toNanos(), TimeUnit.NANOSECONDS, new IllegalStateException(result.describe()));
        Duration retryAfter = properties.boundedRetryAfter(result.retryAfter());
        if (retryAfter != null) {
            guards.pause(message.endpointId(), clock.instant().plus(retryAfter));
        }
        return AttemptResult.GONE.equals(result.outcome()) ? Attempt.failedForGood(result.describe(), result)
                : Attempt.failed(result.describe(), retryAfter, result);
    }

    /** The batch's attempts, their messages' next steps and their endpoints' health in one transaction. */
    @Override
    public List<Boolean> recordAll(List<Outcome<ClaimedMessage>> finished) {
        List<Boolean> recorded = new ArrayList<>(Collections.nCopies(finished.size(), true));
        List<AttemptOutcome> answered = new ArrayList<>(finished.size());
        for (int i = 0; i < finished.size(); i++) {
            Outcome<ClaimedMessage> outcome = finished.get(i);
            if (outcome.report() == null) {
                // An attempt that threw before it had an answer: only the message's next step is recorded.
                recorded.set(i, WorkQueue.super.recordAll(List.of(outcome)).getFirst());
            } else {
                answered.add(new AttemptOutcome(outcome.work().item(), claims.me(),
                        outcome.reportAs(AttemptResult.class), status(outcome.status()), outcome.next()));
            }
        }
        if (!answered.isEmpty()) {
            outcomes.recordAll(answered);
            Instant now = clock.instant();
            answered.forEach(o -> metrics.attempt(o.result(), o.message(), o.status(), now));
        }
        return recorded;
    }

    private static String status(Outcome.Status status) {
        return switch (status) {
            case SUCCEEDED -> AttemptOutcome.DELIVERED;
            case RETRY -> AttemptOutcome.PENDING;
            case GIVE_UP -> AttemptOutcome.FAILED;
        };
    }

    @Override
    public boolean retry(Claimed<ClaimedMessage> work, Lease lease, Instant next, String error) {
        return jdbc.sql("""
                        UPDATE webhook_message SET attempts = :attempt, next_attempt_at = :next, claimed_until = NULL,
                               claimed_by = NULL, last_error = :error
                        WHERE id = :id AND claimed_by = :me AND status = 'pending'""")
                .param("attempt", work.attempt()).param("next", Timestamp.from(next)).param("error", error)
                .param("id", work.item().id()).param("me", claims.me()).update() == 1;
    }

    @Override
    public boolean giveUp(Claimed<ClaimedMessage> work, Lease lease, String error) {
        return jdbc.sql("""
                        UPDATE webhook_message SET status = 'failed', claimed_until = NULL, claimed_by = NULL,
                               last_error = :error, finished_at = :now
                        WHERE id = :id AND claimed_by = :me AND status = 'pending'""")
                .param("error", error).param("now", Timestamp.from(clock.instant())).param("id", work.item().id())
                .param("me", claims.me()).update() == 1;
    }

    @Override
    public void release(Claimed<ClaimedMessage> work, Lease lease) {
        claims.release(work.item().id(), lease.start());
    }

    @Override
    public String describe(ClaimedMessage message) {
        return "message " + message.id();
    }
}
