package com.partnersportal.orders.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The money path's reads and writes of an order's row, by hand: the row is locked with one plain
 * {@code SELECT ... FOR UPDATE} and written back with one {@code UPDATE} of the columns an operation can change
 * (status, amounts, timers, reference), instead of the aggregate mapping rewriting every column on each save.
 * The version still moves and is still checked, as before.
 */
@Repository
class OrderRows {

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Loads the order and holds its row lock until the transaction ends: money operations on one order run
     * one after another, whatever the concurrency.
     */
    Optional<Order> lock(UUID id, UUID merchantId) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id AND merchant_id = :merchantId FOR UPDATE")
                .param("id", id)
                .param("merchantId", merchantId)
                .query((row, number) -> Order.read(row))
                .optional();
    }

    /** As {@link #lock}, for the platform's own work (checkout decisions, timers), which knows no merchant. */
    Optional<Order> lockForPlatform(UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((row, number) -> Order.read(row))
                .optional();
    }

    Order update(Order order) {
        int updated = jdbc.sql("""
                        UPDATE orders SET status = :status, order_reference_id = :orderReferenceId,
                            captured_amount = :capturedAmount, refunded_amount = :refundedAmount,
                            canceled_amount = :canceledAmount, expires_at = :expiresAt, auto_capture_at = :autoCaptureAt,
                            authorised_at = :authorisedAt, updated_at = :updatedAt, version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(order.changeableColumns())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("order " + order.id() + " changed meanwhile");
        }
        order.updated();
        return order;
    }
}
