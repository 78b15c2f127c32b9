package com.partnersportal.contracttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every contract module promises about the samples it ships. A contract module's test extends this and
 * names its topics and its event records.
 */
public abstract class ContractSamplesContract {

    /** The topics whose samples this module ships. */
    protected abstract List<String> topics();

    /** Every event type ({@code ce_type}) the module defines, with the record consumers read it into. */
    protected abstract Map<String, Class<?>> eventTypes();

    @Test
    void everySampleConformsToItsSchema() {
        for (String topic : topics()) {
            for (ContractSample sample : ContractSamples.of(topic)) {
                assertThat(ContractSamples.violations(topic, sample.name(), sample.payload()))
                        .as("%s/%s", topic, sample.name()).isEmpty();
            }
        }
    }

    @Test
    void everySampleCarriesTheCloudEventsHeadersOfItsTopic() {
        for (String topic : topics()) {
            for (ContractSample sample : ContractSamples.of(topic)) {
                Map<String, String> headers = sample.headers();
                assertThat(sample.topic()).isEqualTo(topic);
                assertThat(headers).containsKeys("ce_id", "ce_subject")
                        .containsEntry("ce_source", "/partners-portal/" + topic.substring(0, topic.indexOf('.')))
                        .containsEntry("ce_specversion", "1.0")
                        .containsEntry("content-type", "application/json");
                assertThat(Instant.parse(headers.get("ce_time"))).isNotNull();
                assertThat(sample.type()).as("file %s", sample.name()).endsWith("." + sample.name());
                assertThat(eventTypes()).as("event types of this module").containsKey(sample.type());
                assertThat(sample.key()).isNotBlank();
            }
        }
    }

    @Test
    void everyEventTypeHasASample() {
        Set<String> sampled = topics().stream().flatMap(topic -> ContractSamples.of(topic).stream())
                .map(ContractSample::type).collect(Collectors.toSet());
        assertThat(sampled).containsAll(eventTypes().keySet());
    }

    /** Old samples stay readable: today's record reads every committed sample without losing a field. */
    @Test
    void everySampleIsReadByTodaysRecordWithoutLosingAField() {
        for (String topic : topics()) {
            for (ContractSample sample : ContractSamples.of(topic)) {
                Object event = ContractSamples.read(sample, eventTypes().get(sample.type()));
                assertThat(ContractSamples.fields(ContractSamples.JSON.valueToTree(event)))
                        .as("%s/%s read and written again", topic, sample.name())
                        .containsAll(ContractSamples.fields(sample.payload()));
            }
        }
    }

    /**
     * Samples are append-only: a committed sample is never changed or deleted (a wire change gets a new
     * {@code .v<N+1>} type and sample), and every sample file is listed in its topic's checksum list.
     */
    @Test
    void samplesAreAppendOnly() throws Exception {
        for (String topic : topics()) {
            Map<String, String> committed = ContractSamples.checksums(topic);
            for (Map.Entry<String, String> entry : committed.entrySet()) {
                assertThat(sha256(ContractSamples.sampleBytes(topic, entry.getKey())))
                        .as("%s/%s.json was changed: samples are append-only, add a new version instead", topic,
                                entry.getKey())
                        .isEqualTo(entry.getValue());
            }
            try (Stream<Path> files = Files.list(folder("samples/" + topic))) {
                assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                        .map(name -> name.replace(".json", "")))
                        .as("samples of %s missing from %s", topic, ContractSamples.CHECKSUMS)
                        .allMatch(committed::containsKey);
            }
            try (Stream<Path> files = Files.list(folder("schemas/" + topic))) {
                assertThat(files.map(file -> file.getFileName().toString().replace(".schema.json", "")))
                        .as("schemas of %s without a sample", topic).allMatch(committed::containsKey);
            }
        }
    }

    private static Path folder(String path) throws URISyntaxException {
        return Path.of(Thread.currentThread().getContextClassLoader().getResource(path).toURI());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
