package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No such order for this merchant: another merchant's order is indistinguishable from a missing one. */
public class OrderNotFound extends ApiProblem {

    public OrderNotFound(Object orderId) {
        super(HttpStatus.NOT_FOUND, "order_not_found", "No order %s was found.".formatted(orderId),
                Map.of("order_id", String.valueOf(orderId)));
    }
}
