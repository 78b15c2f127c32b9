package com.partnersportal.orders.contract;

import java.time.Instant;

/** The consumer paid the first instalment: the order waits for the merchant to authorise it. */
public record OrderApproved(OrderSnapshot order, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-approved.v1";
}
