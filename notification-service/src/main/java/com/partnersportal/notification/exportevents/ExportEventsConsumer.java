package com.partnersportal.notification.exportevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.notification.delivery.Notifications;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code exportEvents} binding ({@code orders.export-events.v1}): a finished or failed order export is mailed. */
@Configuration(proxyBeanMethods = false)
class ExportEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> exportEvents(EventInbox inbox, ExportMails mails, Notifications notifications) {
        return inbox.consumer(EventRoutes.builder()
                .onEvent(OrderExportReady.TYPE, OrderExportReady.class,
                        (export, event) -> notifications.record(mails.ready(export), event))
                .onEvent(OrderExportFailed.TYPE, OrderExportFailed.class,
                        (export, event) -> notifications.record(mails.failed(export), event))
                .build());
    }
}
