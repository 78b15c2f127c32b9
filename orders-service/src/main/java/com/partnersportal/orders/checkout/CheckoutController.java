package com.partnersportal.orders.checkout;

import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.actor.ActorNames;
import com.partnersportal.orders.idempotency.IdempotentRequests;
import com.partnersportal.orders.order.Actors;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Tamara's {@code POST /checkout}: the merchant's system creates an order for a consumer to pay. */
@RestController
class CheckoutController {

    private final CheckoutService checkouts;
    private final IdempotentRequests idempotent;
    private final ActorNames actorNames;

    CheckoutController(CheckoutService checkouts, IdempotentRequests idempotent, ActorNames actorNames) {
        this.checkouts = checkouts;
        this.idempotent = idempotent;
        this.actorNames = actorNames;
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PostMapping("/checkout")
    ResponseEntity<?> checkout(Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CheckoutRequest request) {
        caller.requireApiToken();
        return idempotent.run(caller.requireMerchant(), idempotencyKey, "POST /checkout", request,
                () -> {
                    var placed = checkouts.checkout(caller.merchantId(), Actors.of(caller), request);
                    actorNames.remember(caller);
                    return ResponseEntity.ok(placed);
                });
    }
}
