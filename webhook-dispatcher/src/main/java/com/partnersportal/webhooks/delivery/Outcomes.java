package com.partnersportal.webhooks.delivery;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records attempts and what follows from them, many in one transaction: the attempts in one batched insert, each
 * message's next step in one batched update, each endpoint's health once per batch.
 *
 * <p>Lock order: endpoints first (in id order), then their messages (in id order). Disabling an endpoint (410, or
 * days of failures) and changing or deleting it take the endpoint and then its messages too, so two replicas
 * recording 410s of one endpoint at the same moment wait for each other instead of deadlocking (each used to hold
 * its own message while waiting for the endpoint that the other, disabling it, held).
 */
@Component
class Outcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String LOCK_ENDPOINTS = """
            SELECT id, failing_since, last_success_at FROM webhook_endpoint
            WHERE id = ANY (CAST(:ids AS uuid[])) ORDER BY id FOR NO KEY UPDATE""";

    private static final String INSERT_ATTEMPT = """
            INSERT INTO webhook_attempt (message_id, endpoint_id, attempt_number, started_at, latency_ms, outcome, url,
                                         request_headers, response_status, response_body, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";
    private static final int[] ATTEMPT_TYPES = {Types.OTHER, Types.OTHER, Types.INTEGER, Types.TIMESTAMP,
        Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR};

    /** A message resent while this attempt ran (due again after the claim) keeps its fresh schedule. */
    private static final String UPDATE_MESSAGE = """
            UPDATE webhook_message SET status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at),
                   claimed_until = NULL, claimed_by = NULL, last_status = ?, last_error = ?, finished_at = ?
            WHERE id = ? AND claimed_by = ? AND next_attempt_at <= ?""";
    private static final int[] MESSAGE_TYPES = {Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP, Types.INTEGER,
        Types.VARCHAR, Types.TIMESTAMP, Types.OTHER, Types.VARCHAR, Types.TIMESTAMP};
    private static final String RELEASE_RESENT = """
            UPDATE webhook_message SET claimed_until = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final EndpointDisabler disabler;
    private final Clock clock;

    Outcomes(JdbcClient jdbc, JdbcTemplate batch, EndpointDisabler disabler, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.disabler = disabler;
        this.clock = clock;
    }

    /** One attempt, in its own transaction. @return the message's new status */
    @Transactional
    public String record(ClaimedMessage message, String claimant, AttemptResult result,
            java.util.Optional<java.time.Duration> nextDelay) {
        AttemptOutcome outcome = AttemptOutcome.after(message, claimant, result, nextDelay, clock.instant());
        recordAll(List.of(outcome));
        return outcome.status();
    }

    /** Attempts in the order they finished, in one transaction (the caller's). */
    @Transactional
    public void recordAll(List<AttemptOutcome> outcomes) {
        Instant now = clock.instant();
        Map<UUID, EndpointState> endpoints = lockEndpoints(outcomes);
        List<AttemptOutcome> byMessage = outcomes.stream().sorted(Comparator.comparing(o -> o.message().id())).toList();
        batch.batchUpdate(INSERT_ATTEMPT, byMessage.stream().map(Outcomes::attemptRow).toList(), ATTEMPT_TYPES);
        int[] updated = batch.batchUpdate(UPDATE_MESSAGE, byMessage.stream().map(o -> messageRow(o, now)).toList(),
                MESSAGE_TYPES);
        List<Object[]> resent = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                resent.add(new Object[] {byMessage.get(i).message().id(), byMessage.get(i).claimant()});
            }
        }
        if (!resent.isEmpty()) {
            batch.batchUpdate(RELEASE_RESENT, resent, new int[] {Types.OTHER, Types.VARCHAR});
        }
        for (AttemptOutcome outcome : outcomes) {
            endpoints.get(outcome.message().endpointId()).apply(outcome, now);
        }
        Set<UUID> recorded = outcomes.stream().map(o -> o.message().id()).collect(Collectors.toSet());
        for (EndpointState endpoint : endpoints.values()) {
            endpoint.write(now, recorded);
        }
        for (EndpointState endpoint : endpoints.values()) {
            if (endpoint.gone != null) {
                disabler.disable(endpoint.id, EndpointDisabler.GONE, endpoint.gone, now);
            }
        }
    }

    private Map<UUID, EndpointState> lockEndpoints(List<AttemptOutcome> outcomes) {
        Set<UUID> ids = new TreeSet<>();
        outcomes.forEach(o -> ids.add(o.message().endpointId()));
        Map<UUID, EndpointState> states = new LinkedHashMap<>();
        jdbc.sql(LOCK_ENDPOINTS).param("ids", "{" + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}")
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Timestamp failing = rs.getTimestamp("failing_since");
                    Timestamp success = rs.getTimestamp("last_success_at");
                    states.put(id, new EndpointState(id, failing == null ? null : failing.toInstant(),
                            success == null ? null : success.toInstant()));
                    return id;
                }).list();
        for (UUID id : ids) {
            states.computeIfAbsent(id, missing -> new EndpointState(missing, null, null));
        }
        return states;
    }

    private static Object[] attemptRow(AttemptOutcome o) {
        AttemptResult r = o.result();
        return new Object[] {o.message().id(), o.message().endpointId(), o.attemptNumber(),
            Timestamp.from(r.startedAt()), (int) Math.min(Integer.MAX_VALUE, r.latency().toMillis()), r.outcome(), r.url(),
            JSON.writeValueAsString(r.requestHeaders()), r.status(), clean(r.responseBody()), r.error()};
    }

    private static Object[] messageRow(AttemptOutcome o, Instant now) {
        String status = o.status();
        Instant next = o.next();
        return new Object[] {status, o.attemptNumber(), next == null ? null : Timestamp.from(next), o.result().status(),
            o.result().succeeded() ? null : o.result().describe(), AttemptOutcome.PENDING.equals(status) ? null : Timestamp.from(now),
            o.message().id(), o.claimant(), Timestamp.from(o.message().claimedAt())};
    }

    /** PostgreSQL text cannot hold NUL characters, which a receiver's binary answer may contain. */
    private static String clean(String body) {
        return body == null ? null : body.replace('\u0000', '\uFFFD');
    }

    /** An endpoint's health as the batch leaves it, from its locked row and the batch's outcomes in order. */
    private final class EndpointState {
        final UUID id;
        final Instant failingBefore;
        final Instant lastSuccessBefore;
        Instant failingSince;
        Instant lastSuccess;
        String lastError;
        String gone;
        boolean answeredAgain;

        EndpointState(UUID id, Instant failingSince, Instant lastSuccess) {
            this.id = id;
            this.failingBefore = failingSince;
            this.lastSuccessBefore = lastSuccess;
            this.failingSince = failingSince;
            this.lastSuccess = lastSuccess;
        }

        void apply(AttemptOutcome outcome, Instant now) {
            AttemptResult result = outcome.result();
            if (result.succeeded()) {
                answeredAgain |= failingSince != null;
                failingSince = null;
                lastSuccess = now;
            } else {
                if (failingSince == null) {
                    failingSince = result.startedAt();
                }
                lastError = result.describe();
                if (AttemptResult.GONE.equals(result.outcome())) {
                    gone = result.describe();
                }
            }
        }

        void write(Instant now, Set<UUID> recorded) {
            boolean successChanged = lastSuccess != null && !lastSuccess.equals(lastSuccessBefore)
                    && (failingBefore != null || lastSuccessBefore == null || lastSuccessBefore.isBefore(now.minusSeconds(1)));
            boolean failureChanged = lastError != null;
            if (failingSince == null && failingBefore != null || successChanged || failureChanged) {
                jdbc.sql("""
                                UPDATE webhook_endpoint SET failing_since = :failing, last_success_at = :success,
                                       last_error = coalesce(:error, last_error)
                                WHERE id = :id""")
                        .param("failing", failingSince == null ? null : Timestamp.from(failingSince), Types.TIMESTAMP)
                        .param("success", lastSuccess == null ? null : Timestamp.from(lastSuccess), Types.TIMESTAMP)
                        .param("error", lastError, Types.VARCHAR).param("id", id).update();
            }
            if (answeredAgain) {
                // The endpoint answers again after failures: its waiting retries go now, not at their scheduled time.
                jdbc.sql("""
                                UPDATE webhook_message SET next_attempt_at = :now
                                WHERE endpoint_id = :endpoint AND status = 'pending' AND next_attempt_at > :now
                                  AND NOT (id = ANY (CAST(:recorded AS uuid[])))""")
                        .param("now", Timestamp.from(now)).param("endpoint", id)
                        .param("recorded", "{" + recorded.stream().map(UUID::toString).collect(Collectors.joining(","))
                                + "}")
                        .update();
            }
        }
    }
}
