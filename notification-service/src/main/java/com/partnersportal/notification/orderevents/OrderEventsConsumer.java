package com.partnersportal.notification.orderevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code orderEvents} binding. No order event sends mail yet: each is recorded as received (in
 * {@code processed_event}) and counted, so operators can see the service is in step with the topic.
 * Export, user and settlement events bring their mails with later issues.
 */
@Configuration
class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventInbox inbox) {
        return inbox.consumer(EventRoutes.builder().build());
    }
}
