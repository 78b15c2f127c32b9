package com.partnersportal.testsupport;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.contract.OrderTotals;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.UUID;

/** {@link IdempotentConsumerContract} for consumers of orders-service's order events. */
public abstract class OrderEventConsumerContract extends IdempotentConsumerContract {

    @Override
    protected String topic() {
        return OrderTopics.ORDER_EVENTS;
    }

    @Override
    protected String eventType() {
        return OrderCreated.TYPE;
    }

    @Override
    protected byte[] payloadFor(UUID orderId) {
        return EventJson.write(orderCreated(orderId));
    }

    /** A Kuwaiti order, so that three-decimal amounts are exercised on the consumer side too. */
    protected static OrderCreated orderCreated(UUID orderId) {
        Money zero = Money.zero(Currency.KWD);
        return new OrderCreated(
                new OrderSnapshot(orderId, UUID.randomUUID(), UUID.randomUUID(), "REF-" + orderId, "N-" + orderId,
                        "new", null, "KW", "PAY_BY_INSTALMENTS",
                        new OrderTotals(Money.of("1250.5", Currency.KWD), zero, zero, zero)),
                new Actor(Actor.API_TOKEN, UUID.randomUUID().toString()), Instant.parse("2026-11-20T10:15:30Z"));
    }
}
