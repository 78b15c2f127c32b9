package com.partnersportal.orders.operation;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.actor.ActorNames;
import com.partnersportal.orders.idempotency.IdempotentRequests;
import com.partnersportal.orders.order.Actors;
import com.partnersportal.orders.order.CancelCommand;
import com.partnersportal.orders.order.CaptureCommand;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderNotFound;
import com.partnersportal.orders.order.OrderOperations;
import com.partnersportal.orders.order.OrderRepository;
import com.partnersportal.orders.order.RefundCommand;
import com.partnersportal.orders.order.ShippingInfo;
import com.partnersportal.orders.wire.ItemsJson;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.orders.wire.OrderIds;
import com.partnersportal.orders.wire.OrderView;
import com.partnersportal.orders.wire.OrderViews;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's Capture, Refund and Cancel, which use the same domain code as the merchant API and record the acting
 * user. The merchant comes from the user's token, and a user limited to some legal entities can act only on their
 * orders. The list and the detail are {@code search.PortalOrdersController}.
 */
@RestController
class PortalOrderOperationsController {

    private final OrderRepository orders;
    private final OrderViews views;
    private final OrderOperations operations;
    private final IdempotentRequests idempotent;
    private final ActorNames actorNames;

    PortalOrderOperationsController(OrderRepository orders, OrderViews views, OrderOperations operations,
            IdempotentRequests idempotent, ActorNames actorNames) {
        this.orders = orders;
        this.views = views;
        this.operations = operations;
        this.idempotent = idempotent;
        this.actorNames = actorNames;
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.ORDERS_CAPTURE)
    @PostMapping("/portal/v1/orders/{orderId}/captures")
    ResponseEntity<?> capture(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PortalCaptureRequest request) {
        caller.requireUser(Permission.ORDERS_CAPTURE);
        return act(caller, orderId, idempotencyKey, "capture", request, order -> {
            var shipping = request.shippingInfo();
            operations.capture(order.merchantId(), order.id(), currency -> new CaptureCommand(
                    MoneyReader.readPositive("total_amount", request.totalAmount(), currency),
                    new ShippingInfo(shipping.shippedAt(), shipping.shippingCompany(), shipping.trackingNumber(),
                            shipping.trackingUrl()),
                    ItemsJson.write(request.items()), null, null, null), Actors.of(caller));
        });
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.ORDERS_REFUND)
    @PostMapping("/portal/v1/orders/{orderId}/refunds")
    ResponseEntity<?> refund(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PortalRefundRequest request) {
        caller.requireUser(Permission.ORDERS_REFUND);
        return act(caller, orderId, idempotencyKey, "refund", request, order ->
                operations.refund(order.merchantId(), order.id(), currency -> new RefundCommand(
                        MoneyReader.readPositive("total_amount", request.totalAmount(), currency),
                        request.comment(), request.merchantRefundId()), Actors.of(caller)));
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.ORDERS_CANCEL)
    @PostMapping("/portal/v1/orders/{orderId}/cancels")
    ResponseEntity<?> cancel(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PortalCancelRequest request) {
        caller.requireUser(Permission.ORDERS_CANCEL);
        return act(caller, orderId, idempotencyKey, "cancel", request, order ->
                operations.cancel(order.merchantId(), order.id(), currency -> new CancelCommand(
                        MoneyReader.readPositive("total_amount", request.totalAmount(), currency), null),
                        Actors.of(caller)));
    }

    /**
     * One money operation on an order the user may see, under the request's idempotency key, remembering who acted;
     * answers the order as it now is, with its timeline.
     */
    private ResponseEntity<?> act(Caller caller, String orderId, String idempotencyKey, String operation,
            Object request, Consumer<Order> action) {
        Order order = visibleOrder(caller, orderId);
        return idempotent.run(order.merchantId(), idempotencyKey, "POST portal " + operation + " " + order.id(), request,
                () -> {
                    action.accept(order);
                    actorNames.remember(caller);
                    return ResponseEntity.ok(reload(order));
                });
    }

    /** The caller's merchant's order, if the user may see its legal entity; otherwise as if it did not exist. */
    private Order visibleOrder(Caller caller, String orderId) {
        UUID id = OrderIds.parse(orderId);
        return orders.findByIdAndMerchantId(id, caller.requireMerchant())
                .filter(order -> caller.sees(order.legalEntityId()))
                .orElseThrow(() -> new OrderNotFound(id));
    }

    private OrderView reload(Order order) {
        return views.findWithTimeline(order.merchantId(), order.id()).orElseThrow();
    }
}
