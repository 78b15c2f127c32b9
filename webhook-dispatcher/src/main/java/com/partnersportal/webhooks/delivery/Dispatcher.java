package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.kit.work.WorkMetrics;
import com.partnersportal.kit.work.WorkerLoop;
import com.partnersportal.webhooks.endpoint.EndpointSecrets;
import com.partnersportal.webhooks.message.MessagesEnqueued;
import com.partnersportal.webhooks.settings.WebhookProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The delivery loop of one replica, on the kit's {@link WorkerLoop} with the workers' {@link WorkMetrics}
 * ({@code work=webhook-delivery}): claims due messages (as many as there are free workers), hands each to a virtual
 * thread of the shared pool, and records the outcome. On top of the kit's loop sit the per-endpoint layer (room per
 * endpoint, breakers, rate limits, Retry-After) and the per-order heads of the claim (ADR 11, 21). A message committed
 * here wakes it at once; otherwise it polls. Stopping lets in-flight attempts finish and record their outcome, so a
 * restart loses and repeats nothing.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration COALESCE = Duration.ofMillis(5);

    private final Claims claims;
    private final Sender sender;
    private final Outcomes outcomes;
    private final EndpointGuards guards;
    private final RetryPolicy retries;
    private final SecretEncryption encryption;
    private final EndpointSecrets secrets;
    private final DeliveryMetrics metrics;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Semaphore slots;
    /** Writes outcomes in batches on one connection, so attempts finishing at once never take the pool's others. */
    private final Recorder recorder;
    /** Attempts running in this replica per endpoint, and each endpoint's limit as last seen. */
    private final Map<UUID, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> caps = new ConcurrentHashMap<>();
    private final WorkMetrics work;
    private final WorkerLoop loop;
    /** Whether the last pass ended waiting for a wake-up, so the next one lets a few more wake-ups gather first. */
    private boolean waited;
    private volatile boolean running;
    private ExecutorService workers;

    Dispatcher(Claims claims, Sender sender, Outcomes outcomes, EndpointGuards guards, RetryPolicy retries, SecretEncryption encryption,
            EndpointSecrets secrets, DeliveryMetrics metrics, WebhookProperties properties, Clock clock,
            MeterRegistry meters) {
        this.claims = claims;
        this.sender = sender;
        this.outcomes = outcomes;
        this.guards = guards;
        this.retries = retries;
        this.encryption = encryption;
        this.secrets = secrets;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.maxInFlight());
        this.recorder = new Recorder(outcomes, properties.recordBatch(), this::wake);
        this.work = new WorkMetrics("webhook-delivery", meters);
        this.loop = new WorkerLoop("webhook-dispatcher", properties.pollInterval(), Duration.ofSeconds(5), this::claimOnce);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        recorder.start();
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 0).factory());
        loop.start();
        log.info("Webhook dispatcher {} started: {} workers, {} per endpoint", claims.me(), properties.maxInFlight(),
                properties.endpointConcurrency());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.stop();
        try {
            workers.shutdown();
            if (!workers.awaitTermination(properties.attemptTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                log.warn("Attempts still running at shutdown; their leases expire and another replica retries them");
            }
            recorder.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Webhook dispatcher {} stopped", claims.me());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the web server and the datasource, starts after them.
        return Integer.MAX_VALUE - 2048;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEnqueued(MessagesEnqueued event) {
        wake();
    }

    void wake() {
        loop.wake();
    }

    /** One claim for the free workers; returns whether all it asked for was due, so that it claims again at once. */
    private boolean claimOnce() {
        if (waited) {
            // Finished attempts wake the loop one by one; a moment's wait lets one claim serve many of them.
            pause(COALESCE);
        }
        int wanted = Math.min(slots.availablePermits(), properties.claimBatch());
        int got = 0;
        if (wanted > 0) {
            try {
                got = claimAndDispatch(wanted);
            } catch (RuntimeException | Error e) {
                // The loop must outlive anything a claim throws: nothing else would send webhooks again.
                log.warn("Claiming webhook messages failed; trying again shortly: {}", e.toString());
                pause(properties.pollInterval().multipliedBy(5));
                waited = false;
                return true;
            }
        }
        waited = got < wanted || wanted == 0;
        return !waited;
    }

    private int claimAndDispatch(int wanted) {
        Instant now = clock.instant();
        List<UUID> skipped = new ArrayList<>(guards.parked(now));
        Map<UUID, Integer> running = new HashMap<>();
        busy.forEach((endpoint, count) -> {
            int n = count.get();
            if (n >= caps.getOrDefault(endpoint, properties.endpointConcurrency())) {
                skipped.add(endpoint);
            } else if (n > 0) {
                running.put(endpoint, n);
            }
        });
        List<Claimed> claimed = claims.claim(wanted, skipped, running, now);
        work.claimed(claimed.size());
        work.leaseExpired((int) claimed.stream().filter(Claimed::leaseExpired).count());
        for (Claimed message : claimed) {
            caps.put(message.endpointId(), message.maxConcurrency());
            slots.acquireUninterruptibly();
            AtomicInteger count = busy.computeIfAbsent(message.endpointId(), id -> new AtomicInteger());
            count.incrementAndGet();
            workers.execute(() -> {
                try {
                    deliver(message);
                } finally {
                    count.decrementAndGet();
                    slots.release();
                    wake();
                }
            });
        }
        return claimed.size();
    }

    private void deliver(Claimed message) {
        Instant now = clock.instant();
        CircuitBreaker breaker = guards.breaker(message.endpointId());
        if (!breaker.tryAcquirePermission()) {
            claims.release(message.id(), now.plusSeconds(1));
            return;
        }
        RateLimiter limiter = guards.rateLimiter(message.endpointId(), message.rateLimit());
        if (limiter != null && !limiter.acquirePermission()) {
            breaker.releasePermission();
            claims.release(message.id(), now.plusMillis(Math.max(20, 1000 / Math.max(1, message.rateLimit() == null
                    ? properties.endpointRateLimit() : message.rateLimit()))));
            return;
        }
        AttemptResult result;
        try {
            result = sender.send(opened(message), notificationToken(message));
        } catch (RuntimeException e) {
            breaker.releasePermission();
            log.warn("Preparing message {} failed; it is tried again later: {}", message.id(), e.toString());
            claims.release(message.id(), now.plusSeconds(30));
            return;
        }
        if (result.succeeded()) {
            breaker.onSuccess(result.latency().toNanos(), TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(result.latency().toNanos(), TimeUnit.NANOSECONDS,
                    new IllegalStateException(result.describe()));
        }
        if (result.retryAfter() != null) {
            Duration bounded = result.retryAfter().compareTo(properties.maxRetryAfter()) > 0
                    ? properties.maxRetryAfter() : result.retryAfter();
            guards.pause(message.endpointId(), clock.instant().plus(bounded));
        }
        Optional<Duration> next = result.succeeded() ? Optional.empty()
                : retries.nextDelay(message.attempts() + 1, result.retryAfter());
        try {
            String status = recorder.record(new Outcome(message, claims.me(), result, next));
            metrics.attempt(result, message, status, clock.instant());
            switch (status) {
                case Outcome.DELIVERED -> work.succeeded(1);
                case Outcome.PENDING -> work.retried();
                default -> work.gaveUp(1);
            }
        } catch (RuntimeException e) {
            log.error("Recording the attempt of message {} failed; its lease expires and it is sent again: {}",
                    message.id(), e.toString());
        }
    }

    private Claimed opened(Claimed m) {
        if (m.secrets().isEmpty()) {
            throw new IllegalStateException("endpoint " + m.endpointId() + " has no signing secret");
        }
        return new Claimed(m.id(), m.endpointId(), m.merchantId(), m.eventType(), m.orderId(), m.test(), m.payload(),
                m.attempts(), m.occurredAt(), m.url(), m.headers(), m.rateLimit(), m.maxConcurrency(),
                m.secrets().stream().map(secret -> open(secret, EndpointSecrets.secretBoundTo(m.endpointId()))).toList(),
                null, m.claimedAt(), m.leaseExpired());
    }

    private String notificationToken(Claimed m) {
        return m.notificationToken() == null ? secrets.notificationToken(m.merchantId())
                : open(m.notificationToken(), EndpointSecrets.tokenBoundTo(m.merchantId()));
    }

    private String open(String sealed, String boundTo) {
        return encryption.decrypt(Base64.getDecoder().decode(sealed), boundTo);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the health API: closed, open or half_open. */
    public String circuitState(UUID endpointId) {
        return guards.stateOf(endpointId);
    }

    int inFlight() {
        return properties.maxInFlight() - slots.availablePermits();
    }
}
