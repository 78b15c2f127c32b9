package com.partnersportal.orders.idempotency;

import com.partnersportal.kit.jdbc.SnakeCaseRecords;
import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for the POSTs that move money or create an order. The first successful answer to a
 * key is stored in the same transaction as the work it describes and replayed for a retry with the same body;
 * the same key with another body is refused (422); a retry while the first is still running is told so (409)
 * and never runs the work a second time. A request that fails stores nothing, so its retry runs afresh (it
 * moved no money). Keys belong to the merchant and are kept for {@code portal.orders.idempotency.retention}.
 * A claim is a short lease ({@code portal.orders.idempotency.lease}, 10 s) renewed every third of it while the
 * work runs: the claim of a request whose process died is taken over by a retry within one lease.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            @Value("${portal.orders.idempotency.retention:24h}") Duration retention,
            @Value("${portal.orders.idempotency.lease:10s}") Duration lease) {
        this.lease = lease;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code work} once per key.
     *
     * @param key       the caller's Idempotency-Key, or null for a request without one
     * @param operation what is asked, e.g. {@code POST /payments/capture}: the same key on another operation is
     *                  another body
     * @param request   the parsed request body; its JSON is what "the same body" means
     */
    public ResponseEntity<?> run(UUID merchantId, String key, String operation, Object request,
            Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_idempotency_key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        String hash = sha256(operation + "\n" + json.writeValueAsString(request));
        ResponseEntity<?> replay = newTransaction.execute(status -> claim(merchantId, key, hash));
        if (replay != null) {
            return replay;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread.ofVirtual().name("idempotency-lease").start(() -> renewWhileRunning(merchantId, key, finished));
        try {
            return transaction.execute(status -> {
                ResponseEntity<?> response = work.get();
                complete(merchantId, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            release(merchantId, key);
            throw e;
        } finally {
            finished.countDown();
        }
    }

    /** Keeps the claim while this process works on it; dies with the process, so a dead claim runs out soon. */
    private void renewWhileRunning(UUID merchantId, String key, CountDownLatch finished) {
        long period = Math.max(1, lease.toMillis() / 3);
        try {
            while (!finished.await(period, TimeUnit.MILLISECONDS)) {
                jdbc.sql("""
                                UPDATE idempotency_record SET locked_until = :lockedUntil
                                WHERE merchant_id = :merchantId AND idempotency_key = :key AND state = 'RUNNING'""")
                        .param("lockedUntil", Timestamp.from(clock.instant().plus(lease)))
                        .param("merchantId", merchantId)
                        .param("key", key)
                        .update();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is away: the work fails as well, and the claim runs out
        }
    }

    /** Null when this request may run; the stored answer when it already ran; a refusal otherwise. */
    private ResponseEntity<?> claim(UUID merchantId, String key, String hash) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_record (merchant_id, idempotency_key, request_hash, state, locked_until,
                                                        created_at, expires_at)
                        VALUES (:merchantId, :key, :hash, 'RUNNING', :lockedUntil, :now, :expiresAt)
                        ON CONFLICT DO NOTHING""")
                .param("merchantId", merchantId)
                .param("key", key)
                .param("hash", hash)
                .param("lockedUntil", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(retention)))
                .update();
        if (inserted == 1) {
            return null;
        }
        Stored stored = jdbc.sql("""
                        SELECT request_hash, state, response_status, response_body, locked_until, expires_at
                        FROM idempotency_record WHERE merchant_id = :merchantId AND idempotency_key = :key FOR UPDATE""")
                .param("merchantId", merchantId)
                .param("key", key)
                .query(Stored.ROWS)
                .single();
        if (stored.expiresAt().toInstant().isBefore(now)) {
            restart(merchantId, key, hash, now);
            return null;
        }
        if (!stored.requestHash().equals(hash)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    Map.of("idempotency_key", key));
        }
        if ("DONE".equals(stored.state())) {
            return ResponseEntity.status(stored.responseStatus())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(REPLAYED_HEADER, "true")
                    .body(stored.responseBody());
        }
        if (stored.lockedUntil().toInstant().isAfter(now)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "idempotency_request_in_progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.",
                    Map.of("idempotency_key", key));
        }
        // The first attempt died mid-way; its work rolled back with it, so this one may run.
        restart(merchantId, key, hash, now);
        return null;
    }

    private void restart(UUID merchantId, String key, String hash, Instant now) {
        jdbc.sql("""
                        UPDATE idempotency_record SET request_hash = :hash, state = 'RUNNING', response_status = NULL,
                            response_body = NULL, locked_until = :lockedUntil, created_at = :now, expires_at = :expiresAt
                        WHERE merchant_id = :merchantId AND idempotency_key = :key""")
                .param("hash", hash)
                .param("lockedUntil", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(retention)))
                .param("merchantId", merchantId)
                .param("key", key)
                .update();
    }

    private void complete(UUID merchantId, String key, ResponseEntity<?> response) {
        jdbc.sql("""
                        UPDATE idempotency_record SET state = 'DONE', response_status = :status, response_body = :body
                        WHERE merchant_id = :merchantId AND idempotency_key = :key""")
                .param("status", response.getStatusCode().value())
                .param("body", json.writeValueAsString(response.getBody()))
                .param("merchantId", merchantId)
                .param("key", key)
                .update();
    }

    private void release(UUID merchantId, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE merchant_id = :merchantId AND idempotency_key = :key AND state = 'RUNNING'")
                .param("merchantId", merchantId)
                .param("key", key)
                .update();
    }

    /** Drops records past their retention; run by {@link IdempotencyRecordCleanup}. */
    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_record WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Stored(String requestHash, String state, Integer responseStatus, String responseBody, Timestamp lockedUntil,
            Timestamp expiresAt) {

        static final RowMapper<Stored> ROWS = SnakeCaseRecords.of(Stored.class);
    }
}
