package com.partnersportal.orders.decision;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.checkout.CheckoutPages;
import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.merchant.LegalEntity;
import com.partnersportal.orders.merchant.LegalEntityRepository;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderRepository;
import com.partnersportal.orders.wire.OrderIds;
import com.partnersportal.orders.wire.OrderView;
import com.partnersportal.orders.wire.OrderViews;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox only (absent in production): the customer's side of a checkout, for the portal's sandbox checkout page
 * that a {@code checkout_url} opens. The token in that link is the only credential. The consumer's answer goes
 * through the same handler as a decision from the checkout system's topic; the answer names the merchant's
 * success, failure or cancel page to return to, as Tamara's checkout does.
 */
@RestController
@ConditionalOnProperty(name = "portal.environment", havingValue = "sandbox")
class SandboxCheckoutController {

    private final CheckoutPages pages;
    private final OrderRepository orders;
    private final LegalEntityRepository legalEntities;
    private final OrderViews views;
    private final CheckoutDecisionHandler decisions;
    private final Clock clock;

    SandboxCheckoutController(CheckoutPages pages, OrderRepository orders, LegalEntityRepository legalEntities,
            OrderViews views, CheckoutDecisionHandler decisions, Clock clock) {
        this.pages = pages;
        this.orders = orders;
        this.legalEntities = legalEntities;
        this.views = views;
        this.decisions = decisions;
        this.clock = clock;
    }

    record CheckoutPage(String merchantName, OrderView order) {
    }

    record ConsumerAnswer(@NotBlank @Size(max = 16) String decision, @Size(max = 255) String declinedReason) {
    }

    record AnswerResult(UUID orderId, String status, String redirectUrl) {
    }

    @GetMapping("/sandbox/checkout/{orderId}")
    @Transactional(readOnly = true)
    CheckoutPage page(@PathVariable String orderId, @RequestParam(required = false) String token) {
        Order order = checkedOrder(orderId, token);
        return new CheckoutPage(legalEntities.findById(order.legalEntityId()).map(LegalEntity::legalNameEn).orElse(null),
                views.find(order.merchantId(), order.id()).orElseThrow());
    }

    @PostMapping("/sandbox/checkout/{orderId}/answer")
    AnswerResult answer(@PathVariable String orderId, @RequestParam(required = false) String token,
            @Valid @RequestBody ConsumerAnswer answer) {
        Order order = checkedOrder(orderId, token);
        SandboxRedirects.Outcome outcome = SandboxRedirects.Outcome.of(answer.decision());
        Order answered = switch (outcome) {
            case APPROVED -> decisions.apply(new CheckoutDecision(order.id(), CheckoutDecision.APPROVED, null, null,
                    null, clock.instant()));
            case DECLINED -> decisions.apply(new CheckoutDecision(order.id(), CheckoutDecision.DECLINED,
                    reasonOf(answer), "sandbox_consumer_declined", "soft", clock.instant()));
            // The consumer left: the order stays new and expires on its timer, as at Tamara's.
            case CANCELED -> order;
        };
        return new AnswerResult(answered.id(), answered.status().wireName(),
                SandboxRedirects.of(answered, outcome));
    }

    private Order checkedOrder(String orderId, String token) {
        UUID id = OrderIds.parse(orderId);
        if (!pages.tokenMatches(id, token)) {
            // The same answer as a missing order: a wrong token tells nothing about the order.
            throw notFound(orderId);
        }
        return orders.findForPlatform(id).orElseThrow(() -> notFound(orderId));
    }

    private static String reasonOf(ConsumerAnswer answer) {
        return answer.declinedReason() == null || answer.declinedReason().isBlank() ? "Declined by the consumer"
                : answer.declinedReason().strip();
    }

    private static ApiProblem notFound(String orderId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "checkout_not_found",
                "No checkout for order %s with this link.".formatted(orderId));
    }
}
