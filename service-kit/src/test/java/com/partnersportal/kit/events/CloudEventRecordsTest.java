package com.partnersportal.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    @Test
    void carriesTheCloudEventsAttributesAsHeadersAndTheAggregateAsKey() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.create("orders.order-events.v1", "order-1", "event-1",
                "com.partnersportal.orders.order-created.v1", Instant.parse("2026-11-20T10:15:30Z"), "order-1",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(record.topic()).isEqualTo("orders.order-events.v1");
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(header(record, "ce_id")).isEqualTo("event-1");
        assertThat(header(record, "ce_source")).isEqualTo("/partners-portal/orders");
        assertThat(header(record, "ce_type")).isEqualTo("com.partnersportal.orders.order-created.v1");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(header(record, "ce_subject")).isEqualTo("order-1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
