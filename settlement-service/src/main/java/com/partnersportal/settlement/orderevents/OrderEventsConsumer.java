package com.partnersportal.settlement.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.settlement.ledger.Ledger;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code orderEvents} binding: order events from orders-service, each handled once. Captures, refunds and
 * cancels become ledger lines (each naming the order's reference and number, which these events carry); the other
 * types are skipped.
 */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventInbox inbox, Ledger ledger) {
        return inbox.consumer(EventRoutes.builder()
                .on(OrderCaptured.TYPE, OrderCaptured.class, ledger::captured)
                .on(OrderRefunded.TYPE, OrderRefunded.class, ledger::refunded)
                .on(OrderCanceled.TYPE, OrderCanceled.class, ledger::canceled)
                .build());
    }
}
