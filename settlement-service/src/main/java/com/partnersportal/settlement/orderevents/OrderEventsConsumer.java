package com.partnersportal.settlement.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.settlement.ledger.Ledger;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.messaging.Message;

/**
 * The {@code orderEvents} binding: order events from orders-service, each handled once. Captures, refunds and
 * cancels become ledger lines; the other types only keep settlement's copy of the order or are skipped.
 */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventInbox inbox, JdbcAggregateOperations aggregates, Ledger ledger) {
        return inbox.consumer(EventRoutes.builder()
                .on(OrderCreated.TYPE, OrderCreated.class, order -> remember(aggregates, KnownOrder.from(order)))
                .on(OrderCaptured.TYPE, OrderCaptured.class, ledger::captured)
                .on(OrderRefunded.TYPE, OrderRefunded.class, ledger::refunded)
                .on(OrderCanceled.TYPE, OrderCanceled.class, ledger::canceled)
                .build());
    }

    /** A creation republished under a new event id (an outbox resend) is recognised by the order id. */
    private static void remember(JdbcAggregateOperations aggregates, KnownOrder order) {
        if (!aggregates.existsById(order.orderId(), KnownOrder.class)) {
            aggregates.insert(order);
        }
    }
}
