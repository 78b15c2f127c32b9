package com.partnersportal.settlement.orderevents;

import com.partnersportal.orders.contract.OrderCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Settlement's own copy of an order it may have to settle: the facts a ledger line names (the merchant's
 * reference, the order number) arrive once, with the order's creation.
 */
@Table("known_order")
record KnownOrder(@Id UUID orderId, UUID merchantId, String orderReferenceId, String orderNumber, String currency,
        BigDecimal totalAmount, String countryCode, Instant createdAt) {

    static KnownOrder from(OrderCreated event) {
        var order = event.order();
        var total = order.totals().totalAmount();
        return new KnownOrder(order.orderId(), order.merchantId(), order.orderReferenceId(), order.orderNumber(),
                total.currency().name(), total.amount(), order.countryCode(), event.occurredAt());
    }
}
