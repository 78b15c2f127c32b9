package com.partnersportal.contracttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The samples and schemas a contract module ships on its classpath:
 * {@code samples/<topic>/<event>.v<N>.json}, listed with their SHA-256 in {@code samples/<topic>/SHA256SUMS}, and
 * {@code schemas/<topic>/<event>.v<N>.schema.json} (JSON Schema draft 2020-12) for the payload.
 */
public final class ContractSamples {

    public static final String CHECKSUMS = "SHA256SUMS";

    /** The same mapping as service-kit's {@code EventJson} (which this module cannot depend on: the kit depends on a contract). */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractSamples() {
    }

    /** Every sample of a topic, in the order of its checksum list. */
    public static List<ContractSample> of(String topic) {
        List<ContractSample> samples = new ArrayList<>();
        checksums(topic).keySet().forEach(name -> samples.add(read(topic, name)));
        return samples;
    }

    /** The newest sample of one event type on a topic. */
    public static ContractSample of(String topic, String type) {
        return of(topic).stream().filter(sample -> type.equals(sample.type())).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no sample of " + type + " on " + topic));
    }

    /** File name → SHA-256 (hex) as committed in the topic's checksum list. */
    public static Map<String, String> checksums(String topic) {
        Map<String, String> sums = new LinkedHashMap<>();
        String text = new String(resource("samples/" + topic + "/" + CHECKSUMS), StandardCharsets.UTF_8);
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String[] parts = line.trim().split("\\s+", 2);
            sums.put(parts[1].replace(".json", ""), parts[0]);
        });
        return sums;
    }

    public static byte[] sampleBytes(String topic, String name) {
        return resource("samples/" + topic + "/" + name + ".json");
    }

    /** The schema's complaints about a payload; empty when it conforms. */
    public static List<String> violations(String topic, String name, JsonNode payload) {
        Schema schema = SCHEMAS.getSchema(new java.io.ByteArrayInputStream(
                resource("schemas/" + topic + "/" + name + ".schema.json")));
        return schema.validate(payload).stream().map(Error::toString).toList();
    }

    /**
     * What a publisher really wrote conforms to the newest sample of its type: the schema accepts it and it has
     * the same fields (renaming or dropping one, or nesting it elsewhere, fails here).
     */
    public static void assertConforms(String topic, String type, byte[] published) {
        ContractSample sample = of(topic, type);
        JsonNode payload = JSON.readTree(published);
        assertThat(violations(topic, sample.name(), payload)).as("%s against its schema", type).isEmpty();
        assertThat(fields(payload)).as("fields of %s compared with sample %s", type, sample.name())
                .isEqualTo(fields(sample.payload()));
    }

    /** Reads a sample's payload the way consumers read it. */
    public static <T> T read(ContractSample sample, Class<T> type) {
        return JSON.readValue(sample.payloadBytes(), type);
    }

    /** The JSON paths of every field, arrays' items as {@code []}. */
    public static SortedSet<String> fields(JsonNode node) {
        SortedSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, SortedSet<String> paths) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = path + "/" + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            });
        } else if (node.isArray()) {
            node.values().forEach(item -> collect(item, path + "[]", paths));
        }
    }

    private static ContractSample read(String topic, String name) {
        JsonNode file = JSON.readTree(sampleBytes(topic, name));
        Map<String, String> headers = new LinkedHashMap<>();
        file.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
        return new ContractSample(file.get("topic").asString(), name, file.get("key").asString(), headers,
                file.get("payload"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("not on the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
