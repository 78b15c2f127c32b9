package com.partnersportal.settlement.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.contract.OrderCreated;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.messaging.Message;

/** The {@code orderEvents} binding: order events from orders-service, each handled once. */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventInbox inbox, JdbcAggregateOperations aggregates) {
        return inbox.consumer(EventRoutes.builder()
                .on(OrderCreated.TYPE, OrderCreated.class, order -> aggregates.insert(KnownOrder.from(order)))
                .build());
    }
}
