package com.partnersportal.kit.inbox;

import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for batch bindings, where the binder does neither per record: Spring Kafka's
 * {@link DefaultErrorHandler} keeps the records before the one the listener names as failed
 * ({@code BatchListenerFailedException}), retries from it with the binding's back-off ({@code max-attempts},
 * {@code back-off-*}) and then publishes it to the binding's dead-letter topic ({@code error.<topic>.<group>}), as the
 * binder does for single-record bindings. Those keep the binder's own retries and dead letters. Batch bindings' containers
 * observe nothing per record: {@link EventInbox#batchConsumer} continues each event's trace itself.
 */
public class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    public BatchDeadLetters(String bootstrapServers) {
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        // Only reached for single-record bindings through the overload below, which leaves them to the binder.
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode()) {
            return;
        }
        // Spring Kafka observes each record of a batch before the listener gets the batch (a span and a timer per
        // record: a fifth of the webhook dispatcher's CPU at 1,000 events/s, ADR 21). The inbox's batch consumer
        // continues each event's trace in a span of its own, so the container's per-record observation only cost.
        container.getContainerProperties().setObservationEnabled(false);
        BackOff retries = backOff == null ? new FixedBackOff(0L, 0L) : backOff;
        if (!properties.getExtension().isEnableDlq()) {
            container.setCommonErrorHandler(new DefaultErrorHandler(retries));
            return;
        }
        // The binder's resolver names no topic for batch bindings: the binder's own name, error.<topic>.<group>; the
        // partition is left to the producer (by key, so one order's dead letters stay in order).
        String topic = properties.getExtension().getDlqName() != null ? properties.getExtension().getDlqName()
                : "error." + destinationName + "." + group;
        container.setCommonErrorHandler(new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(template, (record, e) -> new TopicPartition(topic, -1)), retries));
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return true;
    }
}
