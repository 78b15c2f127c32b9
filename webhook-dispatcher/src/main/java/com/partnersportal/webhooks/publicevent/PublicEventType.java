package com.partnersportal.webhooks.publicevent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types of the public webhook contract, spelled as Tamara spells them. */
public enum PublicEventType {
    ORDER_APPROVED("order_approved"),
    ORDER_DECLINED("order_declined"),
    ORDER_AUTHORISED("order_authorised"),
    ORDER_CAPTURED("order_captured"),
    ORDER_REFUNDED("order_refunded"),
    ORDER_CANCELED("order_canceled"),
    ORDER_EXPIRED("order_expired");

    private final String wireName;

    PublicEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PublicEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PublicEventType::wireName).toList();
    }
}
