package com.partnersportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walk finds what it is there to find, against a deliberately careless service on loopback. */
class HostileRoutesTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/things/{id}": {"get": {"parameters": [{"in": "query", "name": "cursor"}]}},
              "/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object",
                "properties": {"name": {"type": "string"}, "amount": {"type": "number"}}}}}}}}}}""";

    private final AtomicInteger rows = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/api-docs", exchange -> answer(exchange, 200, "application/json", DOCUMENT));
        server.createContext("/things", this::things);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void things(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (query != null && query.contains("%00%FF")) {
            answer(exchange, 500, "text/plain", "boom");
        } else if (body.contains("\\u202E")) {
            answer(exchange, 400, "text/html", "<h1>Bad</h1>");
        } else if (body.contains("1e2")) {
            rows.incrementAndGet();
            answer(exchange, 400, "application/problem+json", "{\"errors\": [{\"error_code\": \"invalid_field\"}]}");
        } else if (body.contains("\\ud800")) {
            answer(exchange, 400, "application/problem+json", "{\"title\": \"no code\"}");
        } else {
            answer(exchange, 404, "application/problem+json", "{\"errors\": [{\"error_code\": \"not_found\"}]}");
        }
    }

    @Test
    void aServerErrorAnAnswerThatIsNotAProblemAndAChangeByARefusalAreEachFound() {
        HostileRoutes.Walk walk = HostileRoutes.walk(server.getAddress().getPort(), path -> Map.of(), Map.of(),
                path -> true, rows::get);

        assertThat(walk.operations()).isEqualTo(2);
        assertThat(walk.findings()).extracting(HostileRoutes.Finding::rule).anyMatch(rule -> rule.equals("server error"))
                .anyMatch(rule -> rule.startsWith("4xx not problem+json"))
                .anyMatch(rule -> rule.equals("4xx problem without an error code"))
                .anyMatch(rule -> rule.startsWith("state changed by a refused request"));
        assertThat(walk.findings()).filteredOn(finding -> finding.rule().equals("server error"))
                .allMatch(finding -> finding.target().contains("cursor=%00%FF"));
    }

    @Test
    void aCarefulServiceHasNoFindings() {
        server.removeContext("/things");
        server.createContext("/things", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 400, "application/problem+json", "{\"errors\": [{\"error_code\": \"invalid_field\"}]}");
        });

        HostileRoutes.Walk walk = HostileRoutes.walk(server.getAddress().getPort(), path -> Map.of(), Map.of(),
                path -> true, rows::get);

        assertThat(walk.requests()).isGreaterThan(50);
        assertThat(walk.findings()).isEmpty();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
