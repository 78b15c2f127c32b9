package com.partnersportal.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent event inbox, for services that consume events ({@code portal.inbox.enabled=true}).
 * Its table comes from the Flyway location {@code classpath:db/kit/inbox}.
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
@ConditionalOnBooleanProperty("portal.inbox.enabled")
public class InboxAutoConfiguration {

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters,
            @Value("${spring.application.name}") String consumer) {
        return new EventInbox(jdbc, transaction, meters, consumer);
    }
}
