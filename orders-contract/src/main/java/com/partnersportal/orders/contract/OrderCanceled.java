package com.partnersportal.orders.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.UUID;

/** Uncaptured money was released: the whole order (status canceled) or a part of it (status updated). */
public record OrderCanceled(OrderSnapshot order, UUID cancelId, Money canceledAmount, Actor actor, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.orders.order-canceled.v1";
}
