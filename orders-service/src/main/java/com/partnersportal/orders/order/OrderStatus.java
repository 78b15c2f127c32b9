package com.partnersportal.orders.order;

import java.util.Arrays;
import java.util.Optional;

/** Tamara's order statuses, spelled as on the wire. Statuses never go backwards. */
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
    /** Part of an authorised order was canceled before any capture. */
    UPDATED("updated");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OrderStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }

    /** Money may be captured: the order is authorised and not everything is captured or canceled yet. */
    boolean allowsCapture() {
        return this == AUTHORISED || this == UPDATED || this == PARTIALLY_CAPTURED || this == PARTIALLY_REFUNDED;
    }

    /** Captured money may be refunded. */
    boolean allowsRefund() {
        return this == PARTIALLY_CAPTURED || this == FULLY_CAPTURED || this == PARTIALLY_REFUNDED;
    }

    /** Uncaptured money may be released: only before any capture. */
    boolean allowsCancel() {
        return this == AUTHORISED || this == UPDATED;
    }
}
