package com.partnersportal.webhooks.delivery;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records an attempt and what follows from it, in one transaction: the message's next step and the endpoint's health. */
@Component
class Outcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final EndpointDisabler disabler;
    private final Clock clock;

    Outcomes(JdbcClient jdbc, EndpointDisabler disabler, Clock clock) {
        this.jdbc = jdbc;
        this.disabler = disabler;
        this.clock = clock;
    }

    /**
     * @param nextDelay empty when the message has failed for good (or succeeded)
     * @return the message's new status
     */
    /**
     * A success in one statement (attempt, message, endpoint health), the common case kept to one round trip.
     */
    public String recordSuccess(Claimed message, String claimant, AttemptResult result) {
        Instant now = clock.instant();
        jdbc.sql("""
                        WITH attempt AS (
                            INSERT INTO webhook_attempt (message_id, endpoint_id, attempt_number, started_at, latency_ms,
                                                         outcome, url, request_headers, response_status, response_body, error)
                            VALUES (:message, :endpoint, :number, :started, :latency, 'success', :url, :headers::jsonb,
                                    :status, :body, NULL)
                        ), delivered AS (
                            UPDATE webhook_message SET status = 'delivered', attempts = :number, claimed_until = NULL,
                                   claimed_by = NULL, last_status = :status, last_error = NULL, finished_at = :now
                            WHERE id = :message AND claimed_by = :me
                        )
                        UPDATE webhook_endpoint SET last_success_at = :now, failing_since = NULL
                        WHERE id = :endpoint
                          AND (failing_since IS NOT NULL OR last_success_at IS NULL OR last_success_at < :recent)""")
                .param("message", message.id()).param("endpoint", message.endpointId())
                .param("number", message.attempts() + 1)
                .param("started", Timestamp.from(result.startedAt()))
                .param("latency", (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()))
                .param("url", result.url())
                .param("headers", JSON.writeValueAsString(result.requestHeaders()))
                .param("status", result.status(), Types.INTEGER)
                .param("body", clean(result.responseBody()), Types.VARCHAR)
                .param("now", Timestamp.from(now)).param("me", claimant)
                .param("recent", Timestamp.from(now.minusSeconds(1)))
                .update();
        return "delivered";
    }

    @Transactional
    public String record(Claimed message, String claimant, AttemptResult result, Optional<Duration> nextDelay) {
        Instant now = clock.instant();
        int number = message.attempts() + 1;
        jdbc.sql("""
                        INSERT INTO webhook_attempt (message_id, endpoint_id, attempt_number, started_at, latency_ms, outcome,
                                                     url, request_headers, response_status, response_body, error)
                        VALUES (:message, :endpoint, :number, :started, :latency, :outcome, :url, :headers::jsonb, :status,
                                :body, :error)""")
                .param("message", message.id()).param("endpoint", message.endpointId()).param("number", number)
                .param("started", Timestamp.from(result.startedAt()))
                .param("latency", (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()))
                .param("outcome", result.outcome()).param("url", result.url())
                .param("headers", JSON.writeValueAsString(result.requestHeaders()))
                .param("status", result.status(), Types.INTEGER)
                .param("body", clean(result.responseBody()), Types.VARCHAR)
                .param("error", result.error(), Types.VARCHAR)
                .update();
        String status;
        Instant next = now;
        if (result.succeeded()) {
            status = "delivered";
        } else if (nextDelay.isPresent() && !AttemptResult.GONE.equals(result.outcome())) {
            status = "pending";
            next = now.plus(nextDelay.get());
        } else {
            status = "failed";
        }
        jdbc.sql("""
                        UPDATE webhook_message SET status = :status, attempts = :number, next_attempt_at = :next,
                               claimed_until = NULL, claimed_by = NULL, last_status = :httpStatus, last_error = :error,
                               finished_at = :finished
                        WHERE id = :id AND claimed_by = :me""")
                .param("status", status).param("number", number).param("next", Timestamp.from(next))
                .param("httpStatus", result.status(), Types.INTEGER)
                .param("error", result.succeeded() ? null : result.describe(), Types.VARCHAR)
                .param("finished", "pending".equals(status) ? null : Timestamp.from(now), Types.TIMESTAMP)
                .param("id", message.id()).param("me", claimant)
                .update();
        if (result.succeeded()) {
            jdbc.sql("""
                            UPDATE webhook_endpoint SET last_success_at = :now, failing_since = NULL
                            WHERE id = :id AND (failing_since IS NOT NULL OR last_success_at IS NULL OR last_success_at < :recent)""")
                    .param("now", Timestamp.from(now)).param("id", message.endpointId())
                    .param("recent", Timestamp.from(now.minusSeconds(1))).update();
        } else {
            jdbc.sql("""
                            UPDATE webhook_endpoint SET failing_since = coalesce(failing_since, :started), last_error = :error
                            WHERE id = :id""")
                    .param("started", Timestamp.from(result.startedAt())).param("error", result.describe())
                    .param("id", message.endpointId()).update();
            if (AttemptResult.GONE.equals(result.outcome())) {
                disabler.disable(message.endpointId(), EndpointDisabler.GONE, result.describe(), now);
            }
        }
        return status;
    }

    /** PostgreSQL text cannot hold NUL characters, which a receiver's binary answer may contain. */
    private static String clean(String body) {
        return body == null ? null : body.replace('\u0000', '\uFFFD');
    }

}
