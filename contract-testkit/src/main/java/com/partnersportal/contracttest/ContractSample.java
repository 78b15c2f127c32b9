package com.partnersportal.contracttest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One committed sample message of a contract module: the Kafka record a publisher writes, with its key, its
 * CloudEvents headers and its JSON payload.
 *
 * @param name the file name without {@code .json}, e.g. {@code order-created.v1}
 */
public record ContractSample(String topic, String name, String key, Map<String, String> headers, JsonNode payload) {

    public String type() {
        return headers.get("ce_type");
    }

    public byte[] payloadBytes() {
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }
}
