package com.partnersportal.webhooks.settings;

import com.partnersportal.kit.work.RetrySchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.webhooks.*}: how deliveries are made. Every value has a default fit for production.
 *
 * @param retrySchedule          delay before each attempt after a failure: the first is the delay of attempt 1
 *                               (normally 0); a message gives up after the last
 * @param jitter                 each delay is varied by up to this fraction either way (0.2 = +-20 %)
 * @param attemptTimeout         the whole attempt (connect, send, answer) must finish within this
 * @param connectTimeout         TCP and TLS connection set-up
 * @param maxRetryAfter          a receiver's Retry-After (429, 503) is honoured up to this
 * @param maxInFlight            attempts running at once in this replica (the shared worker pool)
 * @param endpointConcurrency    attempts running at once per endpoint in a replica, unless the endpoint says
 * @param endpointRateLimit      messages per second per endpoint and replica, unless the endpoint says (0 = none)
 * @param claimBatch             messages claimed per query
 * @param pollInterval           pause of the claim loop when nothing was due
 * @param leaseMargin            a claimed message is another replica's to take again after the attempt timeout
 *                               plus this margin, should its replica die
 * @param disableAfter           an endpoint with nothing but failures for this long is disabled
 * @param attemptRetention       attempts older than this are deleted
 * @param messageRetention       finished messages older than this are deleted
 * @param secretOverlap          after a rotation the old secret keeps signing for this long
 * @param secretKey              base64 AES-256 key (32 bytes) that encrypts secrets at rest; required in production
 * @param allowedNetworks        CIDRs deliveries may reach although they are private (local receivers in development)
 * @param breaker                the per-endpoint circuit breaker
 * @param responseBodyLimit      characters of a receiver's answer kept in the delivery log
 * @param recordBatch            outcomes written in one transaction at most (they are written as they finish)
 */
@ConfigurationProperties("portal.webhooks")
public record WebhookProperties(
        List<Duration> retrySchedule,
        Double jitter,
        Duration attemptTimeout,
        Duration connectTimeout,
        Duration maxRetryAfter,
        Integer maxInFlight,
        Integer endpointConcurrency,
        Integer endpointRateLimit,
        Integer claimBatch,
        Duration pollInterval,
        Duration leaseMargin,
        Duration disableAfter,
        Duration attemptRetention,
        Duration messageRetention,
        Duration secretOverlap,
        String secretKey,
        List<String> allowedNetworks,
        Breaker breaker,
        Integer responseBodyLimit,
        Integer recordBatch) {

    public static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10));

    public WebhookProperties {
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty() ? DEFAULT_SCHEDULE : List.copyOf(retrySchedule);
        jitter = jitter == null ? 0.2 : jitter;
        attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(15) : attemptTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofHours(1) : maxRetryAfter;
        maxInFlight = maxInFlight == null ? 256 : maxInFlight;
        endpointConcurrency = endpointConcurrency == null ? 16 : endpointConcurrency;
        endpointRateLimit = endpointRateLimit == null ? 0 : endpointRateLimit;
        claimBatch = claimBatch == null ? 100 : claimBatch;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        leaseMargin = leaseMargin == null ? Duration.ofSeconds(30) : leaseMargin;
        disableAfter = disableAfter == null ? Duration.ofDays(5) : disableAfter;
        attemptRetention = attemptRetention == null ? Duration.ofDays(30) : attemptRetention;
        messageRetention = messageRetention == null ? Duration.ofDays(90) : messageRetention;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        breaker = breaker == null ? new Breaker(null, null, null, null) : breaker;
        responseBodyLimit = responseBodyLimit == null ? 1024 : responseBodyLimit;
        recordBatch = recordBatch == null ? 200 : recordBatch;
    }

    /** Svix's schedule (or the configured one) as the kit's worker runs it: a message fails after its last delay. */
    public RetrySchedule retries() {
        return RetrySchedule.fixed(retrySchedule, jitter);
    }

    /** A receiver's Retry-After as it is honoured: up to {@code max-retry-after}; null when it gave none. */
    public Duration boundedRetryAfter(Duration retryAfter) {
        return retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0 ? retryAfter : maxRetryAfter;
    }

    /** The attempt's lease: nobody else claims the message before it ends. */
    public Duration lease() {
        return attemptTimeout.plus(leaseMargin);
    }

    /**
     * @param failureRate   percent of failed attempts in the window that opens the breaker
     * @param window        attempts looked at
     * @param minimumCalls  attempts needed before the rate counts
     * @param openFor       how long an open breaker parks the endpoint before one trial attempt
     */
    public record Breaker(Integer failureRate, Integer window, Integer minimumCalls, Duration openFor) {
        public Breaker {
            failureRate = failureRate == null ? 50 : failureRate;
            window = window == null ? 20 : window;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        }
    }
}
