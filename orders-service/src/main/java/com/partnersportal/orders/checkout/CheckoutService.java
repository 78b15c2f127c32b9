package com.partnersportal.orders.checkout;

import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.contract.OrderTotals;
import com.partnersportal.types.Money;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderItem;
import com.partnersportal.orders.order.OrderRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the order of a checkout and its {@link OrderCreated} event in one transaction. */
@Service
class CheckoutService {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Clock clock;
    private final String checkoutBaseUrl;

    CheckoutService(OrderRepository orders, Outbox outbox, Clock clock,
            @Value("${portal.checkout.base-url}") String checkoutBaseUrl) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.checkoutBaseUrl = checkoutBaseUrl;
    }

    @Transactional
    CheckoutResponse checkout(Caller merchant, CheckoutRequest request) {
        Order order = orders.save(Order.place(newOrder(merchant, request), clock.instant()));
        outbox.append(OrderTopics.ORDER_EVENTS, order.id().toString(), OrderCreated.TYPE, order.id().toString(),
                new OrderCreated(new OrderSnapshot(order.id(), order.merchantId(), null, order.orderReferenceId(),
                        order.orderNumber(), order.status().wireName(), null, order.countryCode(), null,
                        new OrderTotals(order.total(), Money.zero(order.total().currency()),
                                Money.zero(order.total().currency()), Money.zero(order.total().currency()))),
                        new Actor(Actor.API_TOKEN, merchant.merchantId().toString()), order.createdAt()));
        return new CheckoutResponse(order.id(), order.checkoutId(), checkoutBaseUrl + "/" + order.checkoutId(),
                order.status().wireName());
    }

    private static Order.NewOrder newOrder(Caller merchant, CheckoutRequest request) {
        OrderAmounts amounts = OrderAmounts.forCountry(request.countryCode(), request.totalAmount());
        List<OrderItem> items = request.items().stream()
                .map(item -> new OrderItem(item.referenceId(), item.type(), item.name(), item.sku(), item.quantity(),
                        amounts.money("items.total_amount", item.totalAmount()).amount()))
                .toList();
        CheckoutRequest.ConsumerDetails consumer = request.consumer();
        return new Order.NewOrder(merchant.merchantId(), request.orderReferenceId(),
                request.orderNumber() == null ? request.orderReferenceId() : request.orderNumber(),
                amounts.money("total_amount", request.totalAmount()),
                amounts.money("tax_amount", request.taxAmount()),
                amounts.money("shipping_amount", request.shippingAmount()),
                amounts.money("discount.amount", request.discount() == null ? null : request.discount().amount()),
                request.countryCode(), request.locale(), request.description(),
                new Order.Consumer(consumer.firstName(), consumer.lastName(), consumer.phoneNumber(), consumer.email()),
                items);
    }
}
