package com.partnersportal.orders.contract;

import java.time.Instant;

/** A new order was not paid, or an approved one not authorised, in time. */
public record OrderExpired(OrderSnapshot order, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-expired.v1";
}
