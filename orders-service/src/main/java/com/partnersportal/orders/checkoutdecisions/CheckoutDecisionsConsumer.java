package com.partnersportal.orders.checkoutdecisions;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.orders.contract.CheckoutDecision;
import com.partnersportal.orders.decision.CheckoutDecisionHandler;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code checkoutDecisions} binding: the checkout system's approvals and declines, each applied once. */
@Configuration
class CheckoutDecisionsConsumer {

    @Bean
    Consumer<Message<byte[]>> checkoutDecisions(EventInbox inbox, CheckoutDecisionHandler decisions) {
        return inbox.consumer(EventRoutes.builder()
                .on(CheckoutDecision.TYPE, CheckoutDecision.class, decisions::applyFromTopic)
                .build());
    }
}
