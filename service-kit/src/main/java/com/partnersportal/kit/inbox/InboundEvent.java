package com.partnersportal.kit.inbox;

import com.partnersportal.kit.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.messaging.Message;

/** A received event: its CloudEvents attributes, read from the message headers, and its raw payload. */
public record InboundEvent(String id, String type, String subject, byte[] payload) {

    static InboundEvent from(Message<byte[]> message) {
        return from(message.getHeaders(), message.getPayload());
    }

    static InboundEvent from(Map<String, Object> headers, byte[] payload) {
        return new InboundEvent(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.TYPE),
                text(headers.get(CloudEventHeaders.SUBJECT)), payload);
    }

    private static String required(Map<String, Object> headers, String name) {
        String value = text(headers.get(name));
        if (value == null || value.isBlank()) {
            throw new MalformedEvent("event has no " + name + " header");
        }
        return value;
    }

    /** Headers from a foreign producer arrive as raw bytes, Spring's own as strings. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }

    /** An event that can never be handled; it goes to the dead-letter topic after the retries. */
    public static class MalformedEvent extends RuntimeException {
        public MalformedEvent(String message) {
            super(message);
        }
    }
}
