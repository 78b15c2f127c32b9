package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each capture was charged as a percentage fee and how much of it refunds have returned: a refund returns the
 * percentage fee on what it draws from each capture, never more than that capture was charged, and the whole rest
 * once the capture is refunded in full, so a fully refunded capture has returned exactly its percentage fee.
 */
@Repository
class CaptureFees {

    private final JdbcClient jdbc;

    CaptureFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean orderHasCapture(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM capture_fee WHERE order_id = :id)").param("id", orderId)
                .query(Boolean.class).single();
    }

    void charged(UUID captureId, UUID orderId, String currency, BigDecimal captured, BigDecimal feeRate,
            BigDecimal percentageFee) {
        jdbc.sql("""
                        INSERT INTO capture_fee (capture_id, order_id, currency, captured, refunded, fee_rate, percentage_fee,
                            percentage_fee_returned)
                        VALUES (:capture, :order, :currency, :captured, 0, :rate, :fee, 0)""")
                .param("capture", captureId).param("order", orderId).param("currency", currency)
                .param("captured", captured).param("rate", feeRate).param("fee", percentageFee)
                .update();
    }

    record Returned(BigDecimal fee, BigDecimal feeRate) {
    }

    private record Charged(BigDecimal captured, BigDecimal refunded, BigDecimal feeRate, BigDecimal percentageFee,
            BigDecimal returned) {
    }

    /**
     * Records that {@code amount} of the capture was refunded and answers the percentage fee to return on it. A
     * capture this service never saw (captured before it ran) returns the fee at {@code fallbackRate}, uncapped.
     */
    Returned refund(UUID captureId, BigDecimal amount, BigDecimal fallbackRate, int scale) {
        var capture = jdbc.sql("""
                        SELECT captured, refunded, fee_rate, percentage_fee, percentage_fee_returned FROM capture_fee
                        WHERE capture_id = :id FOR UPDATE""")
                .param("id", captureId)
                .query((rs, n) -> new Charged(rs.getBigDecimal("captured"), rs.getBigDecimal("refunded"),
                        rs.getBigDecimal("fee_rate"), rs.getBigDecimal("percentage_fee"),
                        rs.getBigDecimal("percentage_fee_returned")))
                .optional();
        if (capture.isEmpty()) {
            return new Returned(FeeCalculator.percentOf(amount, fallbackRate, scale), fallbackRate);
        }
        Charged charged = capture.get();
        BigDecimal refundedAfter = charged.refunded().add(amount).min(charged.captured());
        BigDecimal remaining = charged.percentageFee().subtract(charged.returned());
        BigDecimal fee = refundedAfter.compareTo(charged.captured()) >= 0 ? remaining
                : FeeCalculator.percentOf(amount, charged.feeRate(), scale).min(remaining);
        BigDecimal rate = charged.feeRate();
        jdbc.sql("""
                        UPDATE capture_fee SET refunded = :refunded, percentage_fee_returned = percentage_fee_returned + :fee
                        WHERE capture_id = :id""")
                .param("id", captureId).param("refunded", refundedAfter).param("fee", fee)
                .update();
        return new Returned(fee.setScale(scale), rate);
    }
}
