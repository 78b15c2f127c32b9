package com.partnersportal.orders.wire;

import com.partnersportal.orders.order.OrderNotFound;
import java.util.UUID;

/** Order ids in paths: anything that is not an order id is, to the caller, an order that does not exist. */
public final class OrderIds {

    private OrderIds() {
    }

    public static UUID parse(String orderId) {
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw new OrderNotFound(orderId.length() > 64 ? orderId.substring(0, 64) : orderId);
        }
    }
}
