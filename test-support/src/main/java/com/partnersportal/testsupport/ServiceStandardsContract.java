package com.partnersportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations can rely on in every service: liveness and readiness probes (readiness covering the
 * service's own dependencies), Prometheus metrics, the deployment mode in the info endpoint, and
 * problem details for any error. A service's IT extends this and names its readiness dependencies.
 */
@ServiceIntegrationTest
public abstract class ServiceStandardsContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;
    @Value("${spring.application.name}")
    private String service;

    /** The health components readiness must include, for example {@code db} and {@code kafka}. */
    protected abstract List<String> readinessDependencies();

    @Test
    void readinessIsUpAndCoversTheServicesDependencies() {
        ResponseEntity<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        JsonNode health = JSON.readTree(readiness.getBody());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        for (String dependency : readinessDependencies()) {
            assertThat(health.get("components").get(dependency).get("status").asString())
                    .as("readiness component %s", dependency).isEqualTo("UP");
        }
    }

    /** Where the service's own OpenAPI description is. */
    protected String apiDocsPath() {
        return "/v3/api-docs";
    }

    @Test
    void livenessIsUp() {
        assertThat(get("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        ResponseEntity<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("application=\"" + service + "\"");
    }

    @Test
    void infoSaysWhichServiceAndEnvironmentThisIs() {
        JsonNode info = JSON.readTree(get("/actuator/info").getBody());

        assertThat(info.get("service").asString()).isEqualTo(service);
        assertThat(info.get("environment").asString()).isEqualTo("sandbox");
    }

    @Test
    void theServicePublishesItsOpenApiDescription() {
        ResponseEntity<String> docs = get(apiDocsPath());

        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(docs.getBody()).get("openapi").asString()).startsWith("3.");
    }

    @Test
    void anUnknownPathIsAProblemDetails404() {
        ResponseEntity<String> response = get("/no-such-path");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("error_code").asString()).isNotBlank();
    }

    /** The port the actuator answers on: the service's own, unless it has a separate management port. */
    protected int actuatorPort() {
        return port;
    }

    protected ResponseEntity<String> get(String path) {
        int target = path.startsWith("/actuator") ? actuatorPort() : port;
        return RestClient.create("http://localhost:" + target).get().uri(path).retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toEntity(String.class);
    }
}
