package com.partnersportal.orders.operation;

import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.actor.ActorNames;
import com.partnersportal.orders.idempotency.IdempotentRequests;
import com.partnersportal.orders.order.Actors;
import com.partnersportal.orders.order.CancelCommand;
import com.partnersportal.orders.order.CaptureCommand;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderOperations;
import com.partnersportal.orders.order.RefundCommand;
import com.partnersportal.orders.order.ShippingInfo;
import com.partnersportal.orders.wire.ItemsJson;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.orders.wire.OrderIds;
import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamara's merchant API for an order's money after checkout, on Tamara's paths and in its JSON: authorise,
 * capture, cancel, simplified refund, change the reference. Called by merchant systems with their API token; every
 * order is looked up within the caller's merchant. Reading an order is {@code search.MerchantOrdersController}.
 */
@RestController
class MerchantOrderOperationsController {

    private final OrderOperations operations;
    private final IdempotentRequests idempotent;
    private final ActorNames actorNames;

    MerchantOrderOperationsController(OrderOperations operations, IdempotentRequests idempotent,
            ActorNames actorNames) {
        this.operations = operations;
        this.idempotent = idempotent;
        this.actorNames = actorNames;
    }

    @PostMapping("/orders/{orderId}/authorise")
    ResponseEntity<?> authorise(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        UUID id = OrderIds.parse(orderId);
        return idempotent.run(merchant, idempotencyKey, "POST /orders/" + id + "/authorise", "", () -> {
            OrderOperations.Authorised authorised = operations.authorise(merchant, id, Actors.of(caller));
            actorNames.remember(caller);
            Order order = authorised.order();
            return ResponseEntity.ok(new AuthoriseResponse(order.id(), order.status().wireName(), order.paymentType(),
                    WireMoney.of(order.total()), authorised.autoCapture() != null,
                    authorised.autoCapture() == null ? null : authorised.autoCapture().id()));
        });
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PostMapping("/payments/capture")
    ResponseEntity<?> capture(Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CaptureRequest request) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        UUID id = OrderIds.parse(request.orderId());
        return idempotent.run(merchant, idempotencyKey, "POST /payments/capture", request, () -> {
            CaptureRequest.ShippingInfo shipping = request.shippingInfo();
            OrderOperations.Captured captured = operations.capture(merchant, id, currency -> new CaptureCommand(
                    MoneyReader.readPositive("total_amount", request.totalAmount(), currency),
                    new ShippingInfo(shipping.shippedAt(), shipping.shippingCompany(), shipping.trackingNumber(),
                            shipping.trackingUrl()),
                    ItemsJson.write(request.items()),
                    MoneyReader.read("tax_amount", request.taxAmount(), currency),
                    MoneyReader.read("shipping_amount", request.shippingAmount(), currency),
                    MoneyReader.read("discount_amount", request.discountAmount(), currency)), Actors.of(caller));
            actorNames.remember(caller);
            return ResponseEntity.ok(new CaptureResponse(captured.capture().id(), id,
                    captured.order().status().wireName(), WireMoney.of(captured.amount())));
        });
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PostMapping("/orders/{orderId}/cancel")
    ResponseEntity<?> cancel(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CancelRequest request) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        UUID id = OrderIds.parse(orderId);
        return idempotent.run(merchant, idempotencyKey, "POST /orders/" + id + "/cancel", request, () -> {
            OrderOperations.Canceled canceled = operations.cancel(merchant, id, currency -> new CancelCommand(
                    MoneyReader.readPositive("total_amount", request.totalAmount(), currency),
                    ItemsJson.write(request.items())), Actors.of(caller));
            actorNames.remember(caller);
            return ResponseEntity.ok(new CancelResponse(canceled.cancel().id(), id,
                    canceled.order().status().wireName(), WireMoney.of(canceled.amount())));
        });
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PostMapping("/payments/simplified-refund/{orderId}")
    ResponseEntity<?> refund(Caller caller, @PathVariable String orderId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RefundRequest request) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        UUID id = OrderIds.parse(orderId);
        return idempotent.run(merchant, idempotencyKey, "POST /payments/simplified-refund/" + id, request, () -> {
            OrderOperations.Refunded refunded = operations.refund(merchant, id, currency -> new RefundCommand(
                    MoneyReader.readPositive("total_amount", request.totalAmount(), currency),
                    request.comment(), request.merchantRefundId()), Actors.of(caller));
            actorNames.remember(caller);
            return ResponseEntity.ok(new RefundResponse(id, refunded.refund().id(), refunded.refund().captureId(),
                    refunded.order().status().wireName(), WireMoney.of(refunded.amount()), request.comment(),
                    request.merchantRefundId()));
        });
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PutMapping("/orders/{orderId}/reference-id")
    ReferenceChangeResponse changeReference(Caller caller, @PathVariable String orderId,
            @Valid @RequestBody ReferenceChangeRequest request) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        operations.changeReference(merchant, OrderIds.parse(orderId), request.orderReferenceId(), Actors.of(caller));
        actorNames.remember(caller);
        return new ReferenceChangeResponse("Order reference id was updated successfully");
    }
}
