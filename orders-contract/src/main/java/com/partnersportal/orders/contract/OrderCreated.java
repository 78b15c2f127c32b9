package com.partnersportal.orders.contract;

import java.time.Instant;

/** A merchant's checkout created an order; it waits in status {@code new} for the consumer's decision. */
public record OrderCreated(OrderSnapshot order, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-created.v1";
}
