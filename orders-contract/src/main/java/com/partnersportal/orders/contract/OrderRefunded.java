package com.partnersportal.orders.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Captured money was given back. A refund is drawn from the order's captures, oldest first; {@code captureId}
 * is the first capture it drew from and {@code allocations} says how much came from each.
 */
public record OrderRefunded(OrderSnapshot order, UUID refundId, UUID captureId, Money refundedAmount, String comment,
        String merchantRefundId, List<Allocation> allocations, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-refunded.v1";

    public record Allocation(UUID captureId, Money amount) {
    }
}
