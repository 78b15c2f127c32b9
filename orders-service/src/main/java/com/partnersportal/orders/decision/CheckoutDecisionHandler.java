package com.partnersportal.orders.decision;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.order.Actors;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderOperations;
import com.partnersportal.orders.order.OrderTransitionRefused;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Applies the checkout system's decisions to orders, from the topic or the sandbox's internal endpoint. */
@Service
public class CheckoutDecisionHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckoutDecisionHandler.class);

    private final OrderOperations operations;

    CheckoutDecisionHandler(OrderOperations operations) {
        this.operations = operations;
    }

    Order apply(CheckoutDecision decision) {
        return switch (decision.decision()) {
            case CheckoutDecision.APPROVED -> operations.approve(decision.orderId(), Actors.CHECKOUT);
            case CheckoutDecision.DECLINED -> operations.decline(decision.orderId(), decision.declinedReason(),
                    decision.declinedCode(), decision.declineType(), Actors.CHECKOUT);
            case null, default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field",
                    "decision must be approved or declined.", Map.of("field", "decision"));
        };
    }

    /**
     * From the topic: a decision that comes too late (the order expired meanwhile) or twice is a fact of a
     * distributed checkout, not a fault; it is logged and skipped instead of being dead-lettered.
     */
    public void applyFromTopic(CheckoutDecision decision) {
        try {
            apply(decision);
        } catch (OrderTransitionRefused e) {
            log.warn("Ignoring checkout decision {} for order {}: {}", decision.decision(), decision.orderId(),
                    e.getMessage());
        }
    }
}
