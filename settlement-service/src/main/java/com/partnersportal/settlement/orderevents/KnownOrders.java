package com.partnersportal.settlement.orderevents;

import com.partnersportal.orders.contract.OrderCreated;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Settlement's copy of each order it may have to settle, kept from order events. */
@Component
class KnownOrders {

    private final JdbcClient jdbc;

    KnownOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(OrderCreated order) {
        jdbc.sql("""
                        INSERT INTO known_order (order_id, merchant_id, order_reference_id, order_number, currency,
                                                 total_amount, country_code, created_at)
                        VALUES (:orderId, :merchantId, :reference, :number, :currency, :total, :country, :createdAt)""")
                .param("orderId", order.orderId())
                .param("merchantId", order.merchantId())
                .param("reference", order.orderReferenceId())
                .param("number", order.orderNumber())
                .param("currency", order.totalAmount().currency().name())
                .param("total", order.totalAmount().amount())
                .param("country", order.countryCode())
                .param("createdAt", Timestamp.from(order.occurredAt()))
                .update();
    }
}
