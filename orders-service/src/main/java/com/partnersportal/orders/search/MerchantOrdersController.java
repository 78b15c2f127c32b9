package com.partnersportal.orders.search;

import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.order.OrderNotFound;
import com.partnersportal.orders.wire.OrderIds;
import com.partnersportal.orders.wire.OrderView;
import com.partnersportal.orders.wire.OrderViews;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamara's merchant API for reading an order, by its id or by the merchant's reference, in Tamara's JSON. Called by
 * merchant systems with their API token; every order is looked up within the caller's merchant.
 */
@RestController
class MerchantOrdersController {

    private final OrderViews views;

    MerchantOrdersController(OrderViews views) {
        this.views = views;
    }

    @GetMapping("/merchants/orders/{orderId}")
    OrderView get(Caller caller, @PathVariable String orderId) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        UUID id = OrderIds.parse(orderId);
        return views.find(merchant, id).orElseThrow(() -> new OrderNotFound(id));
    }

    @GetMapping("/merchants/orders/reference-id/{orderReferenceId}")
    OrderView getByReference(Caller caller, @PathVariable String orderReferenceId) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        return views.findByReference(merchant, orderReferenceId).orElseThrow(() -> new OrderNotFound(orderReferenceId));
    }
}
