package com.partnersportal.orders.order;

/** Tamara's order statuses, spelled as on the wire. */
public enum OrderStatus {
    NEW("new"),
    APPROVED("approved"),
    DECLINED("declined"),
    EXPIRED("expired"),
    AUTHORISED("authorised"),
    PARTIALLY_CAPTURED("partially_captured"),
    FULLY_CAPTURED("fully_captured"),
    PARTIALLY_REFUNDED("partially_refunded"),
    FULLY_REFUNDED("fully_refunded"),
    CANCELED("canceled"),
    UPDATED("updated");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
