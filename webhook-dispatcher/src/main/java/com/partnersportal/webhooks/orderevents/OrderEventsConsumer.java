package com.partnersportal.webhooks.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.kit.inbox.InboundEvent;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.webhooks.message.Messages;
import com.partnersportal.webhooks.publicevent.OrderWebhook;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code orderEvents} binding: order events from orders-service, each handled once (the kit's inbox). Every
 * status an order goes through is recorded; each event with a public counterpart becomes one message per endpoint
 * of the merchant that subscribes to it, in the inbox's transaction.
 */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventInbox inbox, OrderStatusChangeRepository statusChanges, Messages messages) {
        return inbox.consumer(EventRoutes.builder()
                .on(OrderCreated.TYPE, OrderCreated.class,
                        e -> statusChanges.save(OrderStatusChange.of(e.order(), e.occurredAt())))
                .onEvent(OrderApproved.TYPE, OrderApproved.class, handler(statusChanges, messages, OrderApproved::order,
                        OrderApproved::occurredAt, OrderWebhook::of))
                .onEvent(OrderDeclined.TYPE, OrderDeclined.class, handler(statusChanges, messages, OrderDeclined::order,
                        OrderDeclined::occurredAt, OrderWebhook::of))
                .onEvent(OrderAuthorised.TYPE, OrderAuthorised.class, handler(statusChanges, messages,
                        OrderAuthorised::order, OrderAuthorised::occurredAt, OrderWebhook::of))
                .onEvent(OrderCaptured.TYPE, OrderCaptured.class, handler(statusChanges, messages, OrderCaptured::order,
                        OrderCaptured::occurredAt, OrderWebhook::of))
                .onEvent(OrderRefunded.TYPE, OrderRefunded.class, handler(statusChanges, messages, OrderRefunded::order,
                        OrderRefunded::occurredAt, OrderWebhook::of))
                .onEvent(OrderCanceled.TYPE, OrderCanceled.class, handler(statusChanges, messages, OrderCanceled::order,
                        OrderCanceled::occurredAt, OrderWebhook::of))
                .onEvent(OrderExpired.TYPE, OrderExpired.class, handler(statusChanges, messages, OrderExpired::order,
                        OrderExpired::occurredAt, OrderWebhook::of))
                .build());
    }

    private static <T> EventRoutes.EventHandler<T> handler(OrderStatusChangeRepository statusChanges, Messages messages,
            Function<T, OrderSnapshot> order, Function<T, Instant> occurredAt, Function<T, OrderWebhook> translate) {
        return (T payload, InboundEvent event) -> {
            statusChanges.save(OrderStatusChange.of(order.apply(payload), occurredAt.apply(payload)));
            messages.enqueue(event.id(), translate.apply(payload));
        };
    }
}
