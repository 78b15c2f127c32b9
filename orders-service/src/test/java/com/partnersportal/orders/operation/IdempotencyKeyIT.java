package com.partnersportal.orders.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.orders.idempotency.IdempotentRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A retried request with the same Idempotency-Key gets the first answer and never moves money twice. */
@OrdersIntegrationTest
class IdempotencyKeyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotentRequests idempotentRequests;

    private OrdersApi api;
    private UUID merchant;
    private Orders orders;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        merchant = TestMerchants.register(jdbc);
        orders = new Orders(api, merchant);
    }

    @Test
    void aReplayedCheckoutReturnsTheSameOrderAndCreatesNoSecond() {
        String key = "checkout-" + UUID.randomUUID();
        String body = CheckoutBodies.saudiOrder("REF-IDEM-CHECKOUT");

        OrdersApi.Answer first = api.asMerchant(merchant, HttpMethod.POST, "/checkout", body, Map.of("Idempotency-Key", key));
        OrdersApi.Answer replay = api.asMerchant(merchant, HttpMethod.POST, "/checkout", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("order_id")).isEqualTo(first.text("order_id"));
        assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE merchant_id = :merchant").param("merchant", merchant)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        UUID order = orders.authorisedSaudiOrder("REF-IDEM-DIFF", "100.00");
        String key = "capture-" + UUID.randomUUID();

        OrdersApi.Answer first = capture(order, "30.00", key);
        OrdersApi.Answer different = capture(order, "40.00", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(orders.get(order).amount("captured_amount")).isEqualTo("30.00");
    }

    @Test
    void anotherMerchantsKeyIsTheirsAlone() {
        String key = "shared-" + UUID.randomUUID();
        UUID mine = orders.authorisedSaudiOrder("REF-IDEM-MINE", "50.00");
        Orders theirs = new Orders(api, TestMerchants.register(jdbc));
        UUID their = theirs.authorisedSaudiOrder("REF-IDEM-THEIRS", "50.00");

        assertThat(capture(mine, "50.00", key).status()).isEqualTo(200);
        assertThat(api.asMerchant(theirs.merchant(), HttpMethod.POST, "/payments/capture", captureBody(their, "50.00"),
                Map.of("Idempotency-Key", key)).status()).isEqualTo(200);
        assertThat(theirs.get(their).text("status")).isEqualTo("fully_captured");
    }

    @Test
    void simultaneousRetriesOfOneCaptureCaptureOnce() throws Exception {
        UUID order = orders.authorisedSaudiOrder("REF-IDEM-RACE", "100.00");
        String key = "race-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<OrdersApi.Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<OrdersApi.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return capture(order, "10.00", key);
                }));
            }
            start.countDown();
            for (Future<OrdersApi.Answer> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 409));
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat(a.errorCode()).isEqualTo("idempotency_request_in_progress"));
        assertThat(answers.stream().filter(a -> a.status() == 200).map(a -> a.text("capture_id")).distinct())
                .hasSize(1);
        assertThat(orders.get(order).amount("captured_amount")).isEqualTo("10.00");
        assertThat(capture(order, "10.00", key).headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRequestThatFailedStoresNothingSoItsRetryRunsAfresh() {
        UUID order = orders.saudiCheckout("REF-IDEM-FAIL", "100.00");
        String key = "fail-" + UUID.randomUUID();

        assertThat(capture(order, "10.00", key).status()).isEqualTo(409);
        orders.decide(order, "approved");
        orders.authorise(order);

        OrdersApi.Answer retry = capture(order, "10.00", key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void theKeyOfARequestWhoseProcessDiedIsFreeAgainWithinSeconds() {
        UUID order = orders.saudiCheckout("REF-IDEM-DIED", "100.00");
        orders.decide(order, "approved");
        String key = "died-" + UUID.randomUUID();
        // The claim is taken and the work stops without a word, as when the process is killed mid-request.
        assertThatThrownBy(() -> idempotentRequests.run(merchant, key, "POST /orders/" + order + "/authorise", "",
                () -> { throw new ProcessKilled(); })).isInstanceOf(ProcessKilled.class);
        assertThat(authorise(order, key).errorCode()).isEqualTo("idempotency_request_in_progress");

        OrdersApi.Answer retry = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> authorise(order, key), answer -> answer.status() != 409);

        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    @Test
    void aRequestThatRunsLongerThanTheLeaseKeepsItsKey() throws Exception {
        UUID order = orders.saudiCheckout("REF-IDEM-SLOW", "100.00");
        orders.decide(order, "approved");
        String key = "slow-" + UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> slow = pool.submit(() -> idempotentRequests.run(merchant, key, "POST /orders/" + order + "/authorise", "",
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ResponseEntity.ok(Map.of("slow", true));
                    }));

            // 15 s is longer than the 10 s lease: the running request renews it, so no retry runs meanwhile
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> authorise(order, key).status() == 409);
            release.countDown();
            slow.get();
        }
        OrdersApi.Answer replay = authorise(order, key);
        assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    /** What a kill -9 looks like from inside: no error handling runs. */
    private static final class ProcessKilled extends Error {
    }

    private OrdersApi.Answer authorise(UUID order, String key) {
        return api.asMerchant(merchant, HttpMethod.POST, "/orders/" + order + "/authorise", null, Map.of("Idempotency-Key", key));
    }

    @Test
    void aMalformedKeyIsRefused() {
        UUID order = orders.authorisedSaudiOrder("REF-IDEM-BADKEY", "100.00");

        OrdersApi.Answer answer = capture(order, "10.00", "x".repeat(300));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_idempotency_key");
    }

    private OrdersApi.Answer capture(UUID order, String amount, String key) {
        return api.asMerchant(merchant, HttpMethod.POST, "/payments/capture", captureBody(order, amount),
                Map.of("Idempotency-Key", key));
    }

    private static String captureBody(UUID order, String amount) {
        return """
                {"order_id": "%s", "total_amount": {"amount": %s, "currency": "SAR"},
                 "shipping_info": {"shipped_at": "2026-11-20T10:00:00Z", "shipping_company": "Aramex"}}"""
                .formatted(order, amount);
    }
}
