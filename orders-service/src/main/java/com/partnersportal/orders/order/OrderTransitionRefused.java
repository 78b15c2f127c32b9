package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An operation the order's status does not allow: Tamara answers 409 with the old and the requested status. */
public class OrderTransitionRefused extends ApiProblem {

    OrderTransitionRefused(OrderStatus current, String requested, String operation) {
        super(HttpStatus.CONFLICT, "invalid_order_status",
                "Cannot %s an order in status %s.".formatted(operation, current.wireName()),
                Map.of("old_status", current.wireName(), "requested_status", requested, "operation", operation));
    }
}
