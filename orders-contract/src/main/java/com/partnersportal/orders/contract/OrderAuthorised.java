package com.partnersportal.orders.contract;

import java.time.Instant;

/**
 * The merchant authorised an approved order. With auto-capture on, an {@link OrderCaptured} for the whole
 * amount follows in the same transaction.
 */
public record OrderAuthorised(OrderSnapshot order, boolean autoCaptured, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-authorised.v1";
}
