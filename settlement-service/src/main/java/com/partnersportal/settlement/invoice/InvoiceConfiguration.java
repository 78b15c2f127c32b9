package com.partnersportal.settlement.invoice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(IssuerProperties.class)
class InvoiceConfiguration {
}
