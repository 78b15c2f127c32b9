package com.partnersportal.notification.exportevents;

import com.partnersportal.kit.caller.Revocations;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.notification.delivery.Notifications;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code exportEvents} binding ({@code orders.export-events.v1}): a finished or failed order export is mailed,
 * unless its requester's access was revoked after it finished (orders-service refuses to finish an export whose
 * requester was revoked before; this closes the gap of an announcement already on its way).
 */
@Configuration(proxyBeanMethods = false)
class ExportEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ExportEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> exportEvents(EventInbox inbox, ExportMails mails, Notifications notifications,
            Revocations revocations) {
        return inbox.consumer(EventRoutes.builder()
                .onEvent(OrderExportReady.TYPE, OrderExportReady.class, (export, event) -> {
                    if (export.requestedBy() != null
                            && revocations.refuses(export.requestedBy().toString(), export.occurredAt())) {
                        log.info("Order export {} is not mailed: its requester's access was revoked", export.exportId());
                        return;
                    }
                    notifications.record(mails.ready(export), event);
                })
                .onEvent(OrderExportFailed.TYPE, OrderExportFailed.class,
                        (export, event) -> notifications.record(mails.failed(export), event))
                .build());
    }
}
