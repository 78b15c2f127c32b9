package com.partnersportal.orders.userevents;

import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.export.ExportRevocations;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code userEvents} binding ({@code identity.user-events.v1}): when a user's access is revoked (disabled,
 * removed, signed out everywhere, rights changed...), the exports they asked for before are revoked for good, once per
 * event.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> userEvents(EventInbox inbox, ExportRevocations exports) {
        return inbox.consumer(EventRoutes.builder()
                .on(UserAccessRevoked.TYPE, UserAccessRevoked.class,
                        revoked -> exports.requesterRevoked(revoked.userId(), revoked.notBefore(), revoked.reason()))
                .build());
    }
}
