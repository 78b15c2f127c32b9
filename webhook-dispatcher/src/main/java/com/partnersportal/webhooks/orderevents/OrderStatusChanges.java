package com.partnersportal.webhooks.orderevents;

import com.partnersportal.orders.contract.OrderCreated;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The status history of each order, appended from order events, from which webhook messages are made. */
@Component
class OrderStatusChanges {

    private final JdbcClient jdbc;

    OrderStatusChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(OrderCreated order) {
        jdbc.sql("""
                        INSERT INTO order_status_change (order_id, merchant_id, order_reference_id, order_number, status,
                                                         occurred_at)
                        VALUES (:orderId, :merchantId, :reference, :number, :status, :occurredAt)""")
                .param("orderId", order.orderId())
                .param("merchantId", order.merchantId())
                .param("reference", order.orderReferenceId())
                .param("number", order.orderNumber())
                .param("status", order.status())
                .param("occurredAt", Timestamp.from(order.occurredAt()))
                .update();
    }
}
