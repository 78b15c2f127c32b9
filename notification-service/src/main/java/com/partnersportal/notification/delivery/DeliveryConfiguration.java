package com.partnersportal.notification.delivery;

import com.partnersportal.notification.mail.SmtpMailer;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    MailDelivery mailDelivery(DeliveryQueue queue, SmtpMailer mailer, DeliveryMetrics metrics, DeliveryProperties settings,
            Clock clock) {
        return new MailDelivery(queue, mailer, metrics, settings, clock);
    }
}
