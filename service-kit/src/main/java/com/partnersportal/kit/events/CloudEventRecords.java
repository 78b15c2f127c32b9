package com.partnersportal.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the Kafka record of an event: key, JSON payload and CloudEvents attributes as headers. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /**
     * @param key the aggregate id; records with one key land on one partition and stay in order
     */
    public static ProducerRecord<String, byte[]> create(String topic, String key, String eventId, String type,
            Instant time, String subject, byte[] payload) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.ID, eventId);
        add(headers, CloudEventHeaders.SOURCE, sourceOf(topic));
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }

    /** Topics are named {@code <service>.<aggregate>-events.v<n>}; the source names the publishing service. */
    static String sourceOf(String topic) {
        int dot = topic.indexOf('.');
        return "/partners-portal/" + (dot < 0 ? topic : topic.substring(0, dot));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
