package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.webhooks.endpoint.EndpointSecrets;
import com.partnersportal.webhooks.settings.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration
class DeliveryConfiguration {

    @Bean
    AddressGuard addressGuard(WebhookProperties properties) {
        return new AddressGuard(properties.allowedNetworks());
    }

    @Bean(destroyMethod = "close")
    Sender webhookSender(WebhookProperties properties, AddressGuard guard, Clock clock) {
        return new Sender(properties, guard, clock);
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

    @Bean
    Dispatcher dispatcher(Claims claims, Sender sender, Outcomes outcomes, EndpointGuards guards,
            WebhookProperties properties, SecretEncryption encryption, EndpointSecrets secrets, DeliveryMetrics metrics, Clock clock,
            MeterRegistry meters) {
        Dispatcher dispatcher = new Dispatcher(claims, sender, outcomes, guards, new RetryPolicy(properties), encryption, secrets,
                metrics, properties, clock, meters);
        metrics.inFlight(dispatcher);
        return dispatcher;
    }
}
