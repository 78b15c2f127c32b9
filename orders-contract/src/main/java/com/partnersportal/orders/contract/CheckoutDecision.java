package com.partnersportal.orders.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The checkout system's decision on an order's consumer: {@code approved} (the first instalment is paid) or
 * {@code declined} (with Tamara's reason, code and type). Published by the checkout system on
 * {@link CheckoutTopics#DECISIONS}, keyed by order id; orders-service moves the order accordingly.
 */
public record CheckoutDecision(
        UUID orderId,
        String decision,
        String declinedReason,
        String declinedCode,
        String declineType,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.checkout.decision-made.v1";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";
}
