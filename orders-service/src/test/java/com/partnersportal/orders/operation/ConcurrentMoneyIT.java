package com.partnersportal.orders.operation;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many captures, cancels and refunds fired at one order at the same moment: whatever the interleaving, nothing
 * is captured beyond the total, refunded beyond what was captured, or canceled after a capture, and the order's
 * totals are exactly the sum of the operations that succeeded.
 */
@OrdersIntegrationTest
class ConcurrentMoneyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Orders orders;

    @BeforeEach
    void merchant() {
        orders = new Orders(new OrdersApi(port), TestMerchants.register(jdbc));
    }

    @Test
    void concurrentCapturesAndCancelsNeverTakeMoreThanTheTotalNorCancelAfterACapture() throws Exception {
        UUID order = orders.authorisedSaudiOrder("REF-RACE-1", "1000.00");
        List<Callable<OrdersApi.Answer>> operations = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            operations.add(() -> orders.capture(order, "70.00", "SAR"));
        }
        for (int i = 0; i < 8; i++) {
            operations.add(() -> orders.cancel(order, "45.50", "SAR"));
        }
        Collections.shuffle(operations);

        List<OrdersApi.Answer> answers = fireAtOnce(operations);

        BigDecimal captured = sumOfSuccesses(answers, "captured_amount");
        BigDecimal canceled = sumOfSuccesses(answers, "canceled_amount");
        assertThat(captured.add(canceled)).isLessThanOrEqualTo(new BigDecimal("1000.00"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 400, 409));
        assertTotals(order, captured, BigDecimal.ZERO, canceled);
        assertThat(captured.signum()).as("some captures went through").isPositive();
        assertNoCancelAfterACapture(order);
    }

    @Test
    void concurrentRefundsNeverGiveBackMoreThanWasCaptured() throws Exception {
        UUID order = orders.authorisedSaudiOrder("REF-RACE-2", "900.00");
        expectStatus(orders.capture(order, "400.00", "SAR"), 200);
        expectStatus(orders.capture(order, "200.00", "SAR"), 200);
        List<Callable<OrdersApi.Answer>> operations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            operations.add(() -> orders.refund(order, "33.33", "SAR", null));
        }
        for (int i = 0; i < 6; i++) {
            operations.add(() -> orders.capture(order, "60.00", "SAR"));
        }
        Collections.shuffle(operations);

        List<OrdersApi.Answer> answers = fireAtOnce(operations);

        BigDecimal refunded = sumOfSuccesses(answers, "refunded_amount");
        BigDecimal captured = new BigDecimal("600.00").add(sumOfSuccesses(answers, "captured_amount"));
        assertThat(refunded).isLessThanOrEqualTo(captured);
        assertTotals(order, captured, refunded, BigDecimal.ZERO);
        BigDecimal refundedPerCapture = jdbc.sql("SELECT sum(refunded_amount) FROM order_capture WHERE order_id = :order")
                .param("order", order).query(BigDecimal.class).single();
        assertThat(refundedPerCapture).isEqualByComparingTo(refunded);
        BigDecimal allocated = jdbc.sql("""
                        SELECT coalesce(sum(a.amount), 0) FROM order_refund_allocation a
                        JOIN order_refund r ON r.id = a.refund_id WHERE r.order_id = :order""")
                .param("order", order).query(BigDecimal.class).single();
        assertThat(allocated).isEqualByComparingTo(refunded);
    }

    private List<OrdersApi.Answer> fireAtOnce(List<Callable<OrdersApi.Answer>> operations) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<OrdersApi.Answer>> futures = new ArrayList<>();
            for (Callable<OrdersApi.Answer> operation : operations) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return operation.call();
                }));
            }
            start.countDown();
            List<OrdersApi.Answer> answers = new ArrayList<>();
            for (Future<OrdersApi.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private static BigDecimal sumOfSuccesses(List<OrdersApi.Answer> answers, String field) {
        return answers.stream()
                .filter(answer -> answer.status() == 200 && answer.body().has(field))
                .map(answer -> answer.body().get(field).get("amount").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void assertTotals(UUID order, BigDecimal captured, BigDecimal refunded, BigDecimal canceled) {
        var view = orders.get(order).body();
        assertThat(view.get("captured_amount").get("amount").decimalValue()).isEqualByComparingTo(captured);
        assertThat(view.get("refunded_amount").get("amount").decimalValue()).isEqualByComparingTo(refunded);
        assertThat(view.get("canceled_amount").get("amount").decimalValue()).isEqualByComparingTo(canceled);
        BigDecimal recordedCaptures = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM order_capture WHERE order_id = :order")
                .param("order", order).query(BigDecimal.class).single();
        BigDecimal recordedRefunds = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM order_refund WHERE order_id = :order")
                .param("order", order).query(BigDecimal.class).single();
        BigDecimal recordedCancels = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM order_cancel WHERE order_id = :order")
                .param("order", order).query(BigDecimal.class).single();
        assertThat(recordedCaptures).as("captures recorded").isEqualByComparingTo(captured);
        assertThat(recordedRefunds).as("refunds recorded").isEqualByComparingTo(refunded);
        assertThat(recordedCancels).as("cancels recorded").isEqualByComparingTo(canceled);
    }

    private void assertNoCancelAfterACapture(UUID order) {
        List<String> kinds = jdbc.sql("SELECT kind FROM order_change WHERE order_id = :order ORDER BY id")
                .param("order", order).query(String.class).list();
        int firstCapture = kinds.indexOf("captured");
        int lastCancel = kinds.lastIndexOf("canceled");
        assertThat(firstCapture == -1 || lastCancel < firstCapture)
                .as("timeline %s has a cancel after a capture", kinds).isTrue();
    }
}
