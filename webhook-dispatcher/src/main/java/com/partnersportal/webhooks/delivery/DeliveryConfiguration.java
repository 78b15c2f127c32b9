package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.webhooks.endpoint.EndpointSecrets;
import com.partnersportal.webhooks.message.MessagesEnqueued;
import com.partnersportal.webhooks.settings.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

@Configuration
class DeliveryConfiguration {

    /** Endpoints (opened secrets) and merchants (notification tokens, tamaraTokens) a replica keeps at most. */
    private static final int KEPT_PER_REPLICA = 100_000;

    @Bean
    AddressGuard addressGuard(WebhookProperties properties) {
        return new AddressGuard(properties.allowedNetworks());
    }

    @Bean(destroyMethod = "close")
    Sender webhookSender(WebhookProperties properties, AddressGuard guard, Clock clock) {
        return new Sender(properties, guard, new TamaraTokens(KEPT_PER_REPLICA), clock);
    }

    @Bean
    EndpointGuards endpointGuards(WebhookProperties properties) {
        return new EndpointGuards(properties);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry meters) {
        return new DeliveryMetrics(meters);
    }

    @Bean
    Claims claims(JdbcClient jdbc, WebhookProperties properties, @Value("${spring.application.name}") String service) {
        return new Claims(jdbc, properties, service + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The delivery of one replica: the kit's worker over {@link WebhookDelivery}. */
    @Bean
    DurableWorker<ClaimedMessage> webhookDelivery(Claims claims, Sender sender, Outcomes outcomes, EndpointGuards guards,
            WebhookProperties properties, SecretEncryption encryption, EndpointSecrets secrets, DeliveryMetrics metrics,
            JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        DurableWorker<ClaimedMessage> worker = new DurableWorker<>("webhook-delivery",
                new WebhookDelivery(claims, sender, outcomes, guards,
                        new OpenedSecrets(encryption, secrets, KEPT_PER_REPLICA), metrics, properties, jdbc, clock),
                properties.retries(), WebhookDelivery.settings(properties), clock, meters);
        metrics.inFlight(worker);
        return worker;
    }

    @Bean
    WakeOnNewMessages wakeOnNewMessages(DurableWorker<ClaimedMessage> webhookDelivery) {
        return new WakeOnNewMessages(webhookDelivery);
    }

    /** A commit that made messages has them claimed at once rather than at the next poll. */
    static final class WakeOnNewMessages {

        private final DurableWorker<ClaimedMessage> worker;

        WakeOnNewMessages(DurableWorker<ClaimedMessage> worker) {
            this.worker = worker;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void onEnqueued(MessagesEnqueued event) {
            worker.wake();
        }
    }
}
