package com.partnersportal.notification.delivery;

import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.notification.mail.SmtpMailer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    DurableWorker<PendingMail> mailDelivery(DeliveryQueue queue, SmtpMailer mailer, DeliveryMetrics metrics,
            DeliveryProperties settings, Clock clock, MeterRegistry meters) {
        return new DurableWorker<>("mail-delivery", new MailDelivery(queue, mailer, metrics, settings, clock),
                settings.retrySchedule(), settings.worker(), clock, meters);
    }
}
