package com.partnersportal.orders.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A merchant's checkout created an order; it waits in status {@code new} for the consumer's decision.
 * Published on {@link OrderTopics#ORDER_EVENTS} with CloudEvents type {@link #TYPE}.
 */
public record OrderCreated(
        UUID orderId,
        UUID merchantId,
        String orderReferenceId,
        String orderNumber,
        String status,
        Money totalAmount,
        String countryCode,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-created.v1";
}
