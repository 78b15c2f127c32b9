package com.partnersportal.kit.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads, shared by publishers and consumers so that both sides of a
 * topic read the same bytes the same way: snake_case names, ISO-8601 instants, exact decimals.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private EventJson() {
    }

    public static byte[] write(Object payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    public static <T> T read(byte[] payload, Class<T> type) {
        return MAPPER.readValue(payload, type);
    }
}
