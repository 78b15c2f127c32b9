package com.partnersportal.orders.contract;

import java.time.Instant;

/** The checkout declined the consumer. */
public record OrderDeclined(OrderSnapshot order, String declinedReason, String declinedCode, String declineType,
        Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-declined.v1";
}
