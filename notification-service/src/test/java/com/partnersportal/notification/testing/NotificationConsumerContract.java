package com.partnersportal.notification.testing;

import com.partnersportal.testsupport.IdempotentConsumerContract;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared idempotent-consumer contract for one of notification's bindings, with what its tests use: a publisher
 * onto the broker, the recorded notifications and the recipient lookups.
 */
public abstract class NotificationConsumerContract extends IdempotentConsumerContract {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String brokers;

    protected EventPublisher events;
    protected StoredNotifications stored;
    protected RecipientLookupRows lookups;

    @BeforeEach
    void connectPublisher() {
        events = new EventPublisher(brokers);
        stored = new StoredNotifications(jdbc);
        lookups = new RecipientLookupRows(jdbc);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }
}
