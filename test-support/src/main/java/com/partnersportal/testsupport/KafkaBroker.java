package com.partnersportal.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A running Kafka broker for tests: the bootstrap address and a way to stop it. */
public interface KafkaBroker {

    String bootstrapServers();

    void stop();

    /** A KRaft broker (combined broker and controller) inside this JVM, on a free port. */
    static KafkaBroker embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.num.partitions", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public void stop() {
                broker.destroy();
            }
        };
    }

    /** The official apache/kafka image, in KRaft mode. */
    static KafkaBroker container() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka-native:4.1.1"));
        container.start();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void stop() {
                container.stop();
            }
        };
    }
}
