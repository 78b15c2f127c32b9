package com.partnersportal.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent event inbox, for services that consume events ({@code portal.inbox.enabled=true}).
 * Its table comes from the Flyway location {@code classpath:db/kit/inbox}. A service with batch bindings sets
 * {@code portal.inbox.batch=true} for their retries and dead letters ({@link BatchDeadLetters}).
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
@ConditionalOnBooleanProperty("portal.inbox.enabled")
public class InboxAutoConfiguration {

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters,
            @Value("${spring.application.name}") String consumer, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new EventInbox(jdbc, transaction, meters, consumer, tracer.getIfAvailable(),
                propagator.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    @ConditionalOnBooleanProperty("portal.inbox.batch")
    static class BatchBindings {

        @Bean
        BatchDeadLetters batchDeadLetters(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return new BatchDeadLetters(bootstrapServers);
        }
    }
}
