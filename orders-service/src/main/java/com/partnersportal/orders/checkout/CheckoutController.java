package com.partnersportal.orders.checkout;

import com.partnersportal.kit.caller.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tamara's {@code POST /checkout}: the merchant's system creates an order for a consumer to pay. */
@RestController
class CheckoutController {

    private final CheckoutService checkouts;

    CheckoutController(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @PostMapping("/checkout")
    @ResponseStatus(HttpStatus.OK)
    CheckoutResponse checkout(Caller merchant, @Valid @RequestBody CheckoutRequest request) {
        return checkouts.checkout(merchant, request);
    }
}
