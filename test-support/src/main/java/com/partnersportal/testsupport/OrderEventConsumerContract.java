package com.partnersportal.testsupport;

import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderTopics;

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
}
