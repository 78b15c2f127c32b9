package com.partnersportal.orders.merchantevents;

import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.merchant.LegalEntities;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code merchantEvents} binding: identity's merchants and legal entities, each event handled once. */
@Configuration
class MerchantEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> merchantEvents(EventInbox inbox, LegalEntities entities) {
        return inbox.consumer(EventRoutes.builder()
                .on(LegalEntityRegistered.TYPE, LegalEntityRegistered.class, entities::remember)
                .build());
    }
}
