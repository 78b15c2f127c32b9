package com.partnersportal.orders.contract;

/** Kafka topics owned by orders-service. The version in the name changes only with an incompatible payload. */
public final class OrderTopics {

    /** Every state change of an order, keyed by order id so that one order's events stay in order. */
    public static final String ORDER_EVENTS = "orders.order-events.v1";

    private OrderTopics() {
    }
}
