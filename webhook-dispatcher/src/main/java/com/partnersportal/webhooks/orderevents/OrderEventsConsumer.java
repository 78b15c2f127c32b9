package com.partnersportal.webhooks.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.webhooks.message.Messages;
import com.partnersportal.webhooks.publicevent.OrderWebhook;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code orderEvents} binding: order events from orders-service in batches (a poll's records), each handled once
 * (the kit's inbox, one transaction per batch). Each event with a public counterpart becomes one message per endpoint
 * of the merchant that subscribes to it, made for the whole batch in one insert (see {@link Messages}).
 */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> orderEvents(EventInbox inbox, Messages messages, MeterRegistry meters) {
        // Every poll costs the same whatever it carries (the fetch, the function's observation, the transaction and
        // its commit): how many events a poll brings is what the binding's fetch settings are tuned by.
        DistributionSummary perPoll = DistributionSummary.builder("portal.webhooks.intake.batch.events")
                .description("Order events per poll of the orderEvents binding").register(meters);
        Consumer<Message<List<byte[]>>> intake = inbox.batchConsumer(EventRoutes.builder()
                .onEvent(OrderApproved.TYPE, OrderApproved.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderDeclined.TYPE, OrderDeclined.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderAuthorised.TYPE, OrderAuthorised.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderCaptured.TYPE, OrderCaptured.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderRefunded.TYPE, OrderRefunded.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderCanceled.TYPE, OrderCanceled.class, toMessages(messages, OrderWebhook::of))
                .onEvent(OrderExpired.TYPE, OrderExpired.class, toMessages(messages, OrderWebhook::of))
                .build());
        return batch -> {
            perPoll.record(batch.getPayload().size());
            intake.accept(batch);
        };
    }

    private static <T> EventRoutes.EventHandler<T> toMessages(Messages messages, Function<T, OrderWebhook> translate) {
        return (payload, event) -> messages.enqueue(event.id(), translate.apply(payload));
    }
}
