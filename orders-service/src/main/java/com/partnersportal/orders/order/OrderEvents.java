package com.partnersportal.orders.order;

import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.orders.contract.OrderTotals;
import org.springframework.stereotype.Component;

/** Writes order events to the outbox, in the transaction that changed the order, keyed by order id. */
@Component
class OrderEvents {

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(Order order, String type, Object event) {
        String orderId = order.id().toString();
        outbox.append(OrderTopics.ORDER_EVENTS, orderId, type, orderId, event);
    }

    /** The order as it stands now; taken before the next change when one transaction makes two. */
    static OrderSnapshot snapshot(Order order, OrderStatus previous) {
        return new OrderSnapshot(order.id(), order.merchantId(), order.legalEntityId(), order.orderReferenceId(),
                order.orderNumber(), order.status().wireName(), previous == null ? null : previous.wireName(),
                order.countryCode(), order.paymentType(),
                new OrderTotals(order.total(), order.captured(), order.refunded(), order.canceled()));
    }
}
