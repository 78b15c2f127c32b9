package com.partnersportal.webhooks.orderevents;

import com.partnersportal.orders.contract.OrderCreated;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One status an order went through; webhook messages for subscribed endpoints are made from these. */
@Table("order_status_change")
record OrderStatusChange(@Id Long id, UUID orderId, UUID merchantId, String orderReferenceId, String orderNumber,
        String status, Instant occurredAt) {

    static OrderStatusChange from(OrderCreated event) {
        var order = event.order();
        return new OrderStatusChange(null, order.orderId(), order.merchantId(), order.orderReferenceId(),
                order.orderNumber(), order.status(), event.occurredAt());
    }
}
