package com.partnersportal.orders.contract;

/** Kafka topics owned by orders-service. The version in the name changes only with an incompatible payload. */
public final class OrderTopics {

    /** Every state change and money operation of an order, keyed by order id so that one order's events stay in order. */
    public static final String ORDER_EVENTS = "orders.order-events.v1";

    /** Order CSV exports that are ready to download (or failed), keyed by export id. */
    public static final String EXPORT_EVENTS = "orders.export-events.v1";

    private OrderTopics() {
    }
}
