package com.partnersportal.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class InboundEventTest {

    @Test
    void readsAttributesWhetherTheyArriveAsBytesOrAsText() {
        InboundEvent event = InboundEvent.from(MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", "event-1".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", "com.example.thing-happened.v1")
                .setHeader("ce_subject", "order-1".getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.type()).isEqualTo("com.example.thing-happened.v1");
        assertThat(event.subject()).isEqualTo("order-1");
    }

    @Test
    void refusesAMessageWithoutAnEventIdBecauseItCouldNotBeDeduplicated() {
        assertThatThrownBy(() -> InboundEvent.from(MessageBuilder.withPayload(new byte[0])
                .setHeader("ce_type", "com.example.thing-happened.v1").build()))
                .isInstanceOf(InboundEvent.MalformedEvent.class)
                .hasMessageContaining("ce_id");
    }
}
