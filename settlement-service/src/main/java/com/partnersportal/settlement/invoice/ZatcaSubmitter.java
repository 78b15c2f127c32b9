package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.invoice.fatoora.FatooraClient;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sends a submission to ZATCA with Resilience4j: answers that mean ZATCA did not take the document (413, 429, 5xx)
 * and calls that got no answer are retried with exponential backoff (0.5 s, 1 s) within the attempt, through a circuit
 * breaker that stops calling a ZATCA that keeps failing (half of the last 10 calls) for a minute. Every retry sends the
 * same bytes. What is still not received after that is the worker's to reschedule.
 */
@Component
class ZatcaSubmitter {

    static final Duration OPEN_FOR = Duration.ofSeconds(60);

    private final FatooraClient fatoora;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ZatcaSubmitter(FatooraClient fatoora, MeterRegistry meters) {
        this.fatoora = fatoora;
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(500), 2))
                .retryOnException(e -> e instanceof NotReceived || e instanceof UncheckedIOException)
                .build());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof NotReceived || e instanceof UncheckedIOException)
                .build());
        this.retry = retries.retry("zatca");
        this.breaker = breakers.circuitBreaker("zatca");
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /** ZATCA did not take the document (413, 429, 5xx): send it again. */
    static final class NotReceived extends RuntimeException {

        private final transient FatooraModels.Answer answer;

        NotReceived(FatooraModels.Answer answer) {
            super("ZATCA answered " + answer.status() + ": not received");
            this.answer = answer;
        }

        FatooraModels.Answer answer() {
            return answer;
        }
    }

    FatooraModels.Answer clearance(FatooraModels.Csid csid, FatooraModels.Submission submission) {
        return call(() -> fatoora.clearance(csid, submission));
    }

    FatooraModels.Answer reporting(FatooraModels.Csid csid, FatooraModels.Submission submission) {
        return call(() -> fatoora.reporting(csid, submission));
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private FatooraModels.Answer call(Supplier<FatooraModels.Answer> request) {
        Supplier<FatooraModels.Answer> checked = () -> {
            FatooraModels.Answer answer = request.get();
            if (answer.status() == 413 || answer.status() == 429 || answer.status() >= 500) {
                throw new NotReceived(answer);
            }
            return answer;
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, checked)).get();
    }
}
