package com.partnersportal.notification.webhookevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.notification.recipients.AudienceMails;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code webhookEvents} binding ({@code webhooks.endpoint-events.v1}): a disabled webhook endpoint is mailed to
 * the merchant's users who manage webhooks.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> webhookEvents(EventInbox inbox, AudienceMails audiences, EndpointDisabledMail mails) {
        return inbox.consumer(EventRoutes.builder()
                .onEvent(WebhookEndpointDisabled.TYPE, WebhookEndpointDisabled.class,
                        (disabled, event) -> audiences.record(mails, disabled, event))
                .build());
    }
}
