package com.partnersportal.testsupport;

import com.partnersportal.contracttest.ContractSample;
import com.partnersportal.contracttest.ContractSamples;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A committed contract sample (ADR 16) made into a fresh event for a consumer's test: the bytes its publisher
 * writes, with new ids so that every test has its own aggregate. Consumers' tests start from these rather than
 * from the contract's Java records, so a consumer that no longer reads what the publisher writes fails.
 */
public final class SampleEvent {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Exact decimals, so that {@code 300.00} stays {@code 300.00} as its publisher wrote it. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final ContractSample sample;
    private final String key;
    private final ObjectNode payload;

    private SampleEvent(ContractSample sample, String key, ObjectNode payload) {
        this.sample = sample;
        this.key = key;
        this.payload = payload;
    }

    /** The newest sample of the event type on the topic, about a new aggregate. */
    public static SampleEvent of(String topic, String type) {
        return from(ContractSamples.of(topic, type), UUID.randomUUID());
    }

    /**
     * The sample about {@code aggregate}: the sample's key (and every place the payload names it) becomes the
     * aggregate, every other id in it a new one (the same new one wherever the sample repeats it).
     */
    public static SampleEvent from(ContractSample sample, UUID aggregate) {
        Map<String, String> ids = new HashMap<>();
        ids.put(sample.key(), aggregate.toString());
        String text = JSON.readTree(ContractSamples.sampleBytes(sample.topic(), sample.name())).get("payload").toString();
        Matcher matcher = UUID_TEXT.matcher(text);
        String renamed = matcher.replaceAll(found -> ids.computeIfAbsent(found.group(), id -> UUID.randomUUID().toString()));
        return new SampleEvent(sample, aggregate.toString(), (ObjectNode) JSON.readTree(renamed));
    }

    public SampleEvent about(UUID aggregate) {
        return from(sample, aggregate);
    }

    /** Sets one field, named by its JSON pointer ({@code /order/legal_entity_id}), to a value as JSON writes it. */
    public SampleEvent with(String pointer, Object value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = payload.at(path.head());
        if (!(parent instanceof ObjectNode object) || !object.has(path.last().getMatchingProperty())) {
            throw new IllegalArgumentException(sample.name() + " has no field " + pointer);
        }
        object.set(path.last().getMatchingProperty(), JSON.valueToTree(value));
        return this;
    }

    /** A field's value as text. */
    public String text(String pointer) {
        return payload.at(pointer).asString();
    }

    public String topic() {
        return sample.topic();
    }

    public String type() {
        return sample.type();
    }

    public String key() {
        return key;
    }

    /** The sample's file name, e.g. {@code order-created.v1}. */
    public String name() {
        return sample.name();
    }

    public byte[] payload() {
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }
}
