package com.partnersportal.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    private static final InboundEvent EVENT = new InboundEvent("event-7", "com.example.thing-happened.v1", "thing-1",
            new byte[0]);

    @Test
    void aHandlerThatAsksForTheEventGetsItsAttributesWithThePayload() {
        List<String> seen = new ArrayList<>();
        EventRoutes routes = EventRoutes.builder()
                .onEvent(EVENT.type(), String.class, (payload, event) -> seen.add(payload + "@" + event.id()))
                .build();

        deliver(routes, "hello");

        assertThat(seen).containsExactly("hello@event-7");
    }

    @Test
    void aPayloadOnlyHandlerStillGetsThePayload() {
        List<String> seen = new ArrayList<>();
        EventRoutes routes = EventRoutes.builder().on(EVENT.type(), String.class, seen::add).build();

        deliver(routes, "hello");

        assertThat(seen).containsExactly("hello");
    }

    @SuppressWarnings("unchecked")
    private static void deliver(EventRoutes routes, String payload) {
        ((EventRoutes.Route<String>) routes.routeFor(EVENT.type()).orElseThrow()).deliver(payload, EVENT);
    }
}
