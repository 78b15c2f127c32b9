package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows an operation adds beside the order's: captures and timeline entries, each one plain INSERT. */
@Repository
class OrderLedger {

    private final JdbcClient jdbc;

    OrderLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Capture insert(Capture capture, Currency currency) {
        ShippingInfo shipping = capture.shippingInfo();
        jdbc.sql("""
                        INSERT INTO order_capture (id, order_id, amount, refunded_amount, tax_amount, shipping_amount,
                            discount_amount, shipped_at, shipping_company, tracking_number, tracking_url, items, automatic,
                            actor_type, actor_id, created_at, version)
                        VALUES (:id, :orderId, :amount, 0, :tax, :shipping, :discount, :shippedAt, :shippingCompany,
                            :trackingNumber, :trackingUrl, :items, :automatic, :actorType, :actorId, :createdAt, 0)""")
                .param("id", capture.id())
                .param("orderId", capture.orderId())
                .param("amount", capture.amount(currency).amount())
                .param("tax", capture.tax(currency).amount())
                .param("shipping", capture.shipping(currency).amount())
                .param("discount", capture.discount(currency).amount())
                .param("shippedAt", timestamp(shipping.shippedAt()))
                .param("shippingCompany", shipping.shippingCompany())
                .param("trackingNumber", shipping.trackingNumber())
                .param("trackingUrl", shipping.trackingUrl())
                .param("items", capture.itemsJson())
                .param("automatic", capture.automatic())
                .param("actorType", capture.actor().type())
                .param("actorId", capture.actor().id())
                .param("createdAt", timestamp(capture.createdAt()))
                .update();
        return capture;
    }

    void insert(OrderChange change) {
        jdbc.sql("""
                        INSERT INTO order_change (order_id, kind, from_status, to_status, amount, reference_id, detail,
                            actor_type, actor_id, occurred_at)
                        VALUES (:orderId, :kind, :fromStatus, :toStatus, :amount, :referenceId, :detail, :actorType,
                            :actorId, :occurredAt)""")
                .param("orderId", change.orderId())
                .param("kind", change.kind())
                .param("fromStatus", change.fromStatus())
                .param("toStatus", change.toStatus())
                .param("amount", change.amount())
                .param("referenceId", change.referenceId())
                .param("detail", change.detail())
                .param("actorType", change.actorType())
                .param("actorId", change.actorId())
                .param("occurredAt", timestamp(change.occurredAt()))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
