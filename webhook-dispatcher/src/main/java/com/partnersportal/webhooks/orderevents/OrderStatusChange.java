package com.partnersportal.webhooks.orderevents;

import com.partnersportal.orders.contract.OrderSnapshot;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An order that was created, as the first order event names it. */
@Table("order_status_change")
record OrderStatusChange(@Id Long id, UUID orderId, UUID merchantId, String orderReferenceId, String orderNumber,
        String status, Instant occurredAt) {

    static OrderStatusChange of(OrderSnapshot order, Instant occurredAt) {
        return new OrderStatusChange(null, order.orderId(), order.merchantId(), order.orderReferenceId(),
                order.orderNumber(), order.status(), occurredAt);
    }
}
