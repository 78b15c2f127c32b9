package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.Refusal;
import java.util.Map;

/** No such order for this merchant: another merchant's order is indistinguishable from a missing one. */
public class OrderNotFound extends Refusal {

    public OrderNotFound(Object orderId) {
        super(Reason.NOT_FOUND, "order_not_found", "No order %s was found.".formatted(orderId),
                Map.of("order_id", String.valueOf(orderId)));
    }
}
