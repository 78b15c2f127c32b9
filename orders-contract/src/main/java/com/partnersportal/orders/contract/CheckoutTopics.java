package com.partnersportal.orders.contract;

/** The topic through which the consumer-facing checkout system tells orders-service its decisions. */
public final class CheckoutTopics {

    /** {@link CheckoutDecision}s, keyed by order id. */
    public static final String DECISIONS = "checkout.decisions.v1";

    private CheckoutTopics() {
    }
}
