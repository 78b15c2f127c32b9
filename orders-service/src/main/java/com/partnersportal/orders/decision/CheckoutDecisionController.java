package com.partnersportal.orders.decision;

import com.partnersportal.kit.servicecall.ServiceScope;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.wire.OrderIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox only, never routed by the gateway, for a service token with scope {@code checkout-decisions.write} (the
 * sandbox's tooling, client {@code sandbox-tools}): plays the checkout system for tests, scripts and the demo
 * ({@code POST /internal/orders/{order_id}/checkout-decision {"decision": "approved"}}). It applies the decision
 * exactly as one arriving on the decisions topic would.
 */
@RestController
class CheckoutDecisionController {

    private final CheckoutDecisionHandler decisions;
    private final DeploymentProperties deployment;
    private final Clock clock;

    CheckoutDecisionController(CheckoutDecisionHandler decisions, DeploymentProperties deployment, Clock clock) {
        this.decisions = decisions;
        this.deployment = deployment;
        this.clock = clock;
    }

    record DecisionBody(@NotBlank @Size(max = 16) String decision, @Size(max = 255) String declinedReason,
            @Size(max = 64) String declinedCode, @Size(max = 64) String declineType) {
    }

    record DecisionResponse(UUID orderId, String status) {
    }

    @PostMapping("/internal/orders/{orderId}/checkout-decision")
    @ServiceScope(ServiceTokenClaims.Scopes.CHECKOUT_DECISIONS_WRITE)
    DecisionResponse decide(@PathVariable String orderId, @Valid @RequestBody DecisionBody body) {
        if (!deployment.environment().isSandbox()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No such endpoint.");
        }
        Order order = decisions.apply(new CheckoutDecision(OrderIds.parse(orderId), body.decision(),
                body.declinedReason(), body.declinedCode(), body.declineType(), clock.instant()));
        return new DecisionResponse(order.id(), order.status().wireName());
    }
}
