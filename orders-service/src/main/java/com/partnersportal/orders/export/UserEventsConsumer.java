package com.partnersportal.orders.export;

import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code userEvents} binding ({@code identity.user-events.v1}): when a user's access is revoked (disabled,
 * removed, signed out everywhere, rights changed...), the exports they asked for before are revoked for good. The
 * in-memory revocation view only spans the access tokens' lifetime; a download link lives for days, so this is
 * recorded in the database, once per event.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(UserEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> userEvents(EventInbox inbox, ExportJobs jobs, ExportFiles files) {
        return inbox.consumer(EventRoutes.builder()
                .on(UserAccessRevoked.TYPE, UserAccessRevoked.class, revoked -> {
                    for (UUID export : jobs.revokeRequestedBy(revoked.userId().toString(), revoked.notBefore())) {
                        files.delete(export);
                        log.info("Order export {} revoked: its requester's access was revoked ({})", export,
                                revoked.reason());
                    }
                })
                .build());
    }
}
