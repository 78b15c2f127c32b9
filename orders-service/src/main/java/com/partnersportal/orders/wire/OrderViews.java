package com.partnersportal.orders.wire;

import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.orders.order.CancelRepository;
import com.partnersportal.orders.order.CaptureRepository;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderChangeRepository;
import com.partnersportal.orders.order.OrderItems;
import com.partnersportal.orders.order.RefundRepository;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the full view of an order from its row, lines and transactions. */
@Component
public class OrderViews {

    private final OrderItems items;
    private final CaptureRepository captures;
    private final RefundRepository refunds;
    private final CancelRepository cancels;
    private final OrderChangeRepository timeline;

    OrderViews(OrderItems items, CaptureRepository captures, RefundRepository refunds, CancelRepository cancels,
            OrderChangeRepository timeline) {
        this.items = items;
        this.captures = captures;
        this.refunds = refunds;
        this.cancels = cancels;
        this.timeline = timeline;
    }

    /** Tamara's get-order answer. */
    @Transactional(readOnly = true)
    public OrderView of(Order order) {
        return build(order, null);
    }

    /** The portal's order detail: the same, with the timeline. */
    @Transactional(readOnly = true)
    public OrderView withTimeline(Order order) {
        Currency currency = order.currency();
        return build(order, timeline.findByOrderIdOrderByIdAsc(order.id()).stream()
                .map(change -> new OrderView.TimelineEntry(change.occurredAt(), change.kind(), change.fromStatus(),
                        change.toStatus(), money(change.amount(), currency), change.referenceId(), change.detail(),
                        new OrderView.Actor(change.actorType(), change.actorId())))
                .toList());
    }

    private OrderView build(Order order, List<OrderView.TimelineEntry> entries) {
        Currency currency = order.currency();
        var consumer = order.consumer();
        return new OrderView(order.id(), order.orderReferenceId(), order.orderNumber(), order.description(),
                order.status().wireName(), order.paymentType(), order.instalments(), order.locale(), order.countryCode(),
                order.legalEntityId(),
                consumer == null ? null : new OrderView.Consumer(consumer.firstName(), consumer.lastName(),
                        consumer.phoneNumber(), consumer.email()),
                address(order.shippingAddress()), address(order.billingAddress()),
                items.of(order.id(), currency).stream()
                        .map(item -> new OrderView.Item(item.referenceId(), item.type(), item.name(), item.sku(),
                                item.quantity(), WireMoney.of(item.totalAmount())))
                        .toList(),
                WireMoney.of(order.total()), WireMoney.of(order.tax()), WireMoney.of(order.shipping()),
                new OrderView.Discount(order.discountName(), WireMoney.of(order.discount())),
                WireMoney.of(order.captured()), WireMoney.of(order.refunded()), WireMoney.of(order.canceled()),
                new OrderView.Transactions(
                        captures.findByOrderIdOrderByCreatedAtAsc(order.id()).stream()
                                .map(capture -> new OrderView.CaptureView(capture.id(),
                                        WireMoney.of(capture.amount(currency)), WireMoney.of(capture.refunded(currency)),
                                        new OrderView.ShippingInfo(capture.shippingInfo().shippedAt(),
                                                capture.shippingInfo().shippingCompany(),
                                                capture.shippingInfo().trackingNumber(),
                                                capture.shippingInfo().trackingUrl()),
                                        capture.automatic(), capture.createdAt()))
                                .toList(),
                        refunds.findByOrderIdOrderByCreatedAtAsc(order.id()).stream()
                                .map(refund -> new OrderView.RefundView(refund.id(), refund.captureId(),
                                        money(refund.amount(), currency), refund.comment(), refund.merchantRefundId(),
                                        refund.createdAt()))
                                .toList(),
                        cancels.findByOrderIdOrderByCreatedAtAsc(order.id()).stream()
                                .map(cancel -> new OrderView.CancelView(cancel.id(), money(cancel.amount(), currency),
                                        cancel.createdAt()))
                                .toList()),
                order.expiresAt(), order.autoCaptureAt(), order.createdAt(), order.updatedAt(), entries);
    }

    private static OrderView.Address address(com.partnersportal.orders.order.Address address) {
        return address == null ? null : new OrderView.Address(address.firstName(), address.lastName(), address.line1(),
                address.line2(), address.region(), address.city(), address.countryCode(), address.phoneNumber());
    }

    private static WireMoney money(BigDecimal amount, Currency currency) {
        return amount == null ? null : WireMoney.of(new Money(amount, currency));
    }
}
