package com.partnersportal.settlement.merchantevents;

import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.settlement.profile.SettlementProfiles;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code merchantEvents} binding: identity's legal entities become (or update) settlement profiles, each event
 * handled once. Merchant registrations carry nothing settlement needs and are recorded and skipped.
 */
@Configuration
class MerchantEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> merchantEvents(EventInbox inbox, SettlementProfiles profiles) {
        return inbox.consumer(EventRoutes.builder()
                .on(LegalEntityRegistered.TYPE, LegalEntityRegistered.class, profiles::remember)
                .build());
    }
}
