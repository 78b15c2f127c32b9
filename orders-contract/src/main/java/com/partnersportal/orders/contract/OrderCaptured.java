package com.partnersportal.orders.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Money was captured: the merchant shipped (part of) the order, or a timer captured it in full.
 *
 * @param automatic true when the platform captured it (auto-capture on authorisation, or 21 days after it)
 */
public record OrderCaptured(OrderSnapshot order, UUID captureId, Money capturedAmount, boolean automatic,
        Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-captured.v1";
}
