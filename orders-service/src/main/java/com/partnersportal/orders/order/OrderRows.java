package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import java.sql.Timestamp;
import java.time.Instant;
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

    private static final String UPDATE = """
            UPDATE orders SET status = :status, order_reference_id = :orderReferenceId,
                captured_amount = :capturedAmount, refunded_amount = :refundedAmount,
                canceled_amount = :canceledAmount, expires_at = :expiresAt, auto_capture_at = :autoCaptureAt,
                authorised_at = :authorisedAt, updated_at = :updatedAt, version = version + 1
            WHERE id = :id AND version = :version""";

    Order update(Order order) {
        return written(order, jdbc.sql(UPDATE).params(order.changeableColumns()).update());
    }

    /**
     * A capture's three writes in one statement, one round trip instead of three: the capture row and its timeline
     * entry are inserted by data-modifying CTEs, and the order's row is written back as {@link #update} writes it,
     * version checked. They commit or roll back together, as before (a failed version check throws, and the
     * transaction with the two inserts rolls back); the row lock taken by {@link #lock} is unchanged.
     */
    Order update(Order order, Capture capture, Currency currency, OrderChange change) {
        ShippingInfo shipping = capture.shippingInfo();
        int updated = jdbc.sql("""
                        WITH capture_row AS (
                            INSERT INTO order_capture (id, order_id, amount, refunded_amount, tax_amount, shipping_amount,
                                discount_amount, shipped_at, shipping_company, tracking_number, tracking_url, items,
                                automatic, actor_type, actor_id, created_at, version)
                            VALUES (:captureId, :id, :captureAmount, 0, :captureTax, :captureShipping, :captureDiscount,
                                :shippedAt, :shippingCompany, :trackingNumber, :trackingUrl, :items, :automatic,
                                :captureActorType, :captureActorId, :captureCreatedAt, 0)
                        ), change_row AS (
                            INSERT INTO order_change (order_id, kind, from_status, to_status, amount, reference_id, detail,
                                actor_type, actor_id, occurred_at)
                            VALUES (:id, :changeKind, :changeFromStatus, :changeToStatus, :changeAmount,
                                :changeReferenceId, :changeDetail, :changeActorType, :changeActorId, :changeOccurredAt)
                        )
                        """ + UPDATE)
                .params(order.changeableColumns())
                .param("captureId", capture.id())
                .param("captureAmount", capture.amount(currency).amount())
                .param("captureTax", capture.tax(currency).amount())
                .param("captureShipping", capture.shipping(currency).amount())
                .param("captureDiscount", capture.discount(currency).amount())
                .param("shippedAt", timestamp(shipping.shippedAt()))
                .param("shippingCompany", shipping.shippingCompany())
                .param("trackingNumber", shipping.trackingNumber())
                .param("trackingUrl", shipping.trackingUrl())
                .param("items", capture.itemsJson())
                .param("automatic", capture.automatic())
                .param("captureActorType", capture.actor().type())
                .param("captureActorId", capture.actor().id())
                .param("captureCreatedAt", timestamp(capture.createdAt()))
                .param("changeKind", change.kind())
                .param("changeFromStatus", change.fromStatus())
                .param("changeToStatus", change.toStatus())
                .param("changeAmount", change.amount())
                .param("changeReferenceId", change.referenceId())
                .param("changeDetail", change.detail())
                .param("changeActorType", change.actorType())
                .param("changeActorId", change.actorId())
                .param("changeOccurredAt", timestamp(change.occurredAt()))
                .update();
        return written(order, updated);
    }

    private static Order written(Order order, int updated) {
        if (updated != 1) {
            throw new OptimisticLockingFailureException("order " + order.id() + " changed meanwhile");
        }
        order.updated();
        return order;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
