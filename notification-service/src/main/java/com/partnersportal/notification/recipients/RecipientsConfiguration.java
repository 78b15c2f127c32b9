package com.partnersportal.notification.recipients;

import com.partnersportal.kit.servicecall.ServiceCredentials;
import com.partnersportal.kit.servicecall.ServiceReplicas;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.notification.delivery.DeliveryProperties;
import com.partnersportal.notification.delivery.Notifications;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class RecipientsConfiguration {

    /** identity-service's replicas (kit's {@code portal.services.identity-url}); a lookup holds a lease, so it must answer quickly. */
    @Bean
    IdentityRecipients identityRecipients(RestClient.Builder builder, ServiceCredentials credentials,
            ServiceReplicas identityReplicas) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        return new IdentityRecipients(builder.clone().requestFactory(requests)
                .requestInterceptor(credentials).requestInterceptor(identityReplicas).baseUrl(identityReplicas.first())
                .build());
    }

    /** Retried on the mail delivery's schedule, polled and leased as the mails are. */
    @Bean
    DurableWorker<PendingLookup> recipientLookup(RecipientLookups lookups, IdentityRecipients identity,
            Notifications notifications, List<AudienceMail<?>> mails, TransactionTemplate transaction,
            DeliveryProperties settings, Clock clock, MeterRegistry meters) {
        return new DurableWorker<>("recipient-lookup",
                new RecipientResolver(lookups, identity, notifications, mails, transaction, clock, meters),
                settings.retrySchedule(), settings.worker(), clock, meters);
    }
}
