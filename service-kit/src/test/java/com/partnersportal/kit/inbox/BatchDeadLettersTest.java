package com.partnersportal.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/** The binder sets observation on every container first (enable-observation), then hands it to the customizer. */
class BatchDeadLettersTest {

    private final BatchDeadLetters customizer = new BatchDeadLetters("127.0.0.1:9");

    @AfterEach
    void close() {
        customizer.destroy();
    }

    @Test
    void aBatchBindingsContainerObservesNoRecordOnItsOwnAndGetsTheErrorHandler() {
        KafkaMessageListenerContainer<byte[], byte[]> container = observedContainer();

        customizer.configure(container, "orders.order-events.v1", "webhook-dispatcher", null, new FixedBackOff(0, 3),
                bindingProperties(true));

        assertThat(container.getContainerProperties().isObservationEnabled())
                .as("the inbox's batch consumer continues each event's trace itself").isFalse();
        assertThat(container.getCommonErrorHandler()).isNotNull();
    }

    @Test
    void aSingleRecordBindingKeepsTheBindersObservationAndRetries() {
        KafkaMessageListenerContainer<byte[], byte[]> container = observedContainer();

        customizer.configure(container, "identity.user-events.v1", "notification-service", null, new FixedBackOff(0, 3),
                bindingProperties(false));

        assertThat(container.getContainerProperties().isObservationEnabled()).isTrue();
        assertThat(container.getCommonErrorHandler()).isNull();
    }

    private static KafkaMessageListenerContainer<byte[], byte[]> observedContainer() {
        ContainerProperties properties = new ContainerProperties("topic");
        properties.setObservationEnabled(true);
        return new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()), properties);
    }

    private static ExtendedConsumerProperties<KafkaConsumerProperties> bindingProperties(boolean batch) {
        ExtendedConsumerProperties<KafkaConsumerProperties> properties =
                new ExtendedConsumerProperties<>(new KafkaConsumerProperties());
        properties.setBatchMode(batch);
        return properties;
    }
}
