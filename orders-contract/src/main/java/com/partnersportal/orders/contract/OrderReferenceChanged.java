package com.partnersportal.orders.contract;

import java.time.Instant;

/** The merchant changed the order's own reference; the status does not change. */
public record OrderReferenceChanged(OrderSnapshot order, String previousOrderReferenceId, Actor actor,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-reference-changed.v1";
}
