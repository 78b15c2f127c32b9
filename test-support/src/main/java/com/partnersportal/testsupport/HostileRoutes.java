package com.partnersportal.testsupport;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fuzz-style walk over every operation a service's OpenAPI document describes: each path parameter, each query
 * parameter and each request body is sent hostile values (NUL, unpaired surrogates, noncharacters, bidi overrides,
 * over-long text, encoded slashes and dot segments, garbage cursors, wrong JSON types, exponent, string and huge
 * numbers, nulls, deep nesting, malformed JSON), one at a time, with the headers the caller gives for the path.
 * It reports every answer a user must never see: a 5xx, a 4xx that is not problem details with an error code, and a
 * refused request after which the service's state (as the test's probe reads it) is not what it was before.
 */
public final class HostileRoutes {

    /** One request whose answer breaks the rules; {@code rule} says which. */
    public record Finding(String rule, String method, String target, String variant, int status, String body) {

        @Override
        public String toString() {
            return "%s: %s %s [%s] -> %d %s".formatted(rule, method, target, variant, status, body);
        }
    }

    /** What the walk covered: requests sent and the findings among them. */
    public record Walk(int requests, int operations, List<Finding> findings) {
    }

    /** A request that got a server error (kept for callers of {@link #serverErrors}). */
    public record ServerError(String method, String target, String variant, int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GARBAGE_BASE64 = "bm90IGEgY3Vyc29yIGF0IGFsbA";
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "%ED%A0%80", "%EF%BF%BF", "%E2%80%AEgnp.exe",
            "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", "%2E%2E", "%5C..%5C", "x".repeat(300), "-1", "1e400", "%20",
            "%25", GARBAGE_BASE64);
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("%00", "%00%FF", "%FF", "%ED%A0%80", "%EF%BF%BE",
            "%E2%80%AE", "%E2%81%A6x", "1e400", "1e2", "-1", "0", "1.5", "99999999999999999999", "true", "x".repeat(3000),
            "%27%22%3C%3E", "..%2F..%2F", GARBAGE_BASE64, "Zm9v.YmFy.YmF6");
    private static final List<String> HOSTILE_STRINGS = List.of("\\u0000", "x\\u0000y", "\\ud800", "\\udc00x",
            "\\u202Egnp.exe", "\\u2066x\\u2069", "\\uFFFF", "\\uFDD0", "\\u0007", "x".repeat(20_000));
    private static final List<String> HOSTILE_NUMBERS = List.of("1e2", "1E400", "-1e-400", "\"10.00\"", "\"1e2\"", "true",
            "null", "1" + "0".repeat(400), "0.0000000001", "-99999999999999999999.999", "[10]", "{\"amount\": 1}");

    private HostileRoutes() {
    }

    /**
     * A state probe: the row count of every table in the service's schema but {@code except} (tables a refused
     * request may rightly touch, e.g. a sign-in lock, named in the test with the reason).
     */
    public static Supplier<Map<String, Long>> rowCounts(javax.sql.DataSource database, String... except) {
        List<String> skipped = List.of(except);
        return () -> {
            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (var rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                        + "AND table_name NOT LIKE 'flyway%' ORDER BY table_name")) {
                    while (rows.next()) {
                        if (!skipped.contains(rows.getString(1))) {
                            tables.add(rows.getString(1));
                        }
                    }
                }
                Map<String, Long> counts = new java.util.TreeMap<>();
                if (tables.isEmpty()) {
                    return counts;
                }
                String sql = "SELECT " + String.join(", ", tables.stream()
                        .map(t -> "(SELECT count(*) FROM \"" + t + "\")").toList());
                try (var rows = statement.executeQuery(sql)) {
                    rows.next();
                    for (int i = 0; i < tables.size(); i++) {
                        counts.put(tables.get(i), rows.getLong(i + 1));
                    }
                }
                return counts;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Every 5xx of the walk, without state probing or problem checks. */
    public static List<ServerError> serverErrors(int port, Function<String, Map<String, String>> headersFor) {
        return walk(port, headersFor, Map.of(), path -> true, () -> "").findings().stream()
                .filter(finding -> finding.status() >= 500)
                .map(f -> new ServerError(f.method(), f.target(), f.variant(), f.status(), f.body()))
                .toList();
    }

    /**
     * Walks every operation whose path {@code routes} accepts. A path parameter named in {@code pathValues} takes
     * that value (a real order, so that bodies reach the rules behind the lookup) while the others are attacked;
     * other parameters take random ids. {@code state} reads what a refused request must not change (row counts,
     * the outbox): it is read before and after each request, and compared when the answer was a 4xx.
     */
    public static Walk walk(int port, Function<String, Map<String, String>> headersFor, Map<String, String> pathValues,
            Predicate<String> routes, Supplier<?> state) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode document = JSON.readTree(send(http, "GET", URI.create("http://127.0.0.1:" + port + "/v3/api-docs"),
                Map.of(), null).body());
        return walk(port, document, headersFor, pathValues, routes, state);
    }

    /** As {@link #walk(int, Function, Map, Predicate, Supplier)}, over a given OpenAPI document (the gateway's routes). */
    public static Walk walk(int port, JsonNode document, Function<String, Map<String, String>> headersFor,
            Map<String, String> pathValues, Predicate<String> routes, Supplier<?> state) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        JsonNode schemas = document.path("components").path("schemas");
        Walker walker = new Walker(http, base, pathValues, state);
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!routes.test(path.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                walker.operation(method, path.getKey(), operation.getValue(), schemas, headersFor.apply(path.getKey()));
            }
        }
        return new Walk(walker.requests, operations, List.copyOf(walker.findings));
    }

    private static final class Walker {

        private final HttpClient http;
        private final String base;
        private final Map<String, String> pathValues;
        private final Supplier<?> state;
        private final List<Finding> findings = new ArrayList<>();
        private int requests;

        Walker(HttpClient http, String base, Map<String, String> pathValues, Supplier<?> state) {
            this.http = http;
            this.base = base;
            this.pathValues = pathValues;
            this.state = state;
        }

        private String filled(String template) {
            String filled = template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
            return filled.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        void operation(String method, String template, JsonNode operation, JsonNode schemas, Map<String, String> headers) {
            String plain = filled(template);
            String validBody = operation.has("requestBody") ? body(operation, schemas, null).toString() : null;
            for (String parameter : parametersIn(template)) {
                for (String segment : HOSTILE_SEGMENTS) {
                    String target = filled(template.replace("{" + parameter + "}", segment));
                    call(method, target, headers, validBody, "path " + parameter + "=" + abbreviated(segment));
                }
            }
            call(method, plain + "?unknown=%00", headers, validBody, "unknown query parameter with NUL");
            call(method, plain + "/..%2F..%2F", headers, validBody, "encoded dot segments after the path");
            var oversizedHeader = new java.util.HashMap<>(headers);
            oversizedHeader.put("X-Request-Id", "r".repeat(16_000));
            call(method, plain, oversizedHeader, validBody, "16 kB header");
            for (JsonNode parameter : operation.path("parameters")) {
                if (!"query".equals(parameter.path("in").asString())) {
                    continue;
                }
                String name = parameter.path("name").asString();
                for (String value : HOSTILE_QUERY_VALUES) {
                    call(method, plain + "?" + name + "=" + value, headers, validBody,
                            "query " + name + "=" + abbreviated(value));
                }
                call(method, plain + "?" + name + "=1&" + name + "=%00", headers, validBody, "query " + name + " twice");
            }
            if (validBody == null) {
                return;
            }
            List<String> bodies = new ArrayList<>();
            for (String hostile : HOSTILE_STRINGS) {
                bodies.add(body(operation, schemas, Hostility.TEXT).toString()
                        .replace("\"__HOSTILE__\"", "\"" + hostile + "\""));
            }
            for (String number : HOSTILE_NUMBERS) {
                String numbers = body(operation, schemas, Hostility.NUMBERS).toString();
                if (numbers.contains("\"__NUMBER__\"")) {
                    bodies.add(numbers.replace("\"__NUMBER__\"", number));
                }
            }
            bodies.add(body(operation, schemas, Hostility.WRONG_TYPES).toString());
            bodies.add(body(operation, schemas, Hostility.NULLS).toString());
            bodies.add("\"a string\"");
            bodies.add("[1, 2, 3]");
            bodies.add("null");
            bodies.add("");
            bodies.add("{\"unclosed\": ");
            bodies.add("{\"a\": 1, \"a\": 2}");
            bodies.add("[".repeat(10_000) + "]".repeat(10_000));
            bodies.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
            bodies.add("{\"x\": \"" + "y".repeat(3_000_000) + "\"}");
            for (String body : bodies) {
                call(method, plain, headers, body, "body " + abbreviated(body));
            }
        }

        private void call(String method, String target, Map<String, String> headers, String body, String variant) {
            URI uri;
            try {
                uri = URI.create(base + target);
            } catch (IllegalArgumentException e) {
                return;
            }
            Object before = state.get();
            HttpResponse<String> answer;
            try {
                answer = send(http, method, uri, headers, body);
            } catch (IllegalStateException e) {
                if (body == null || body.length() < 1_000_000 || !(e.getCause() instanceof java.io.IOException)) {
                    throw e;
                }
                // The server may answer an oversized upload (413) and close the connection before the client has
                // written all of it; the client then sees a broken pipe instead of the answer. That is a refusal too:
                // what still matters is that it changed nothing.
                requests++;
                Object after = state.get();
                if (!Objects.equals(before, after)) {
                    findings.add(new Finding("state changed by a refused upload (" + difference(before, after) + ")",
                            method, target, variant, 0, e.getCause().toString()));
                }
                return;
            }
            requests++;
            int status = answer.statusCode();
            String shortTarget = target.length() > 200 ? target.substring(0, 200) : target;
            if (status >= 500) {
                findings.add(new Finding("server error", method, shortTarget, variant, status, abbreviated(answer.body())));
                return;
            }
            if (status < 400) {
                return;
            }
            String problem = problemRule(answer);
            if (problem != null) {
                findings.add(new Finding(problem, method, shortTarget, variant, status, abbreviated(answer.body())));
            }
            Object after = state.get();
            if (!Objects.equals(before, after)) {
                findings.add(new Finding("state changed by a refused request (" + difference(before, after) + ")",
                        method, shortTarget, variant, status, abbreviated(answer.body())));
            }
        }
    }

    private static String difference(Object before, Object after) {
        if (before instanceof Map<?, ?> was && after instanceof Map<?, ?> is) {
            StringBuilder changed = new StringBuilder();
            for (Object key : is.keySet()) {
                if (!Objects.equals(was.get(key), is.get(key))) {
                    changed.append(key).append(": ").append(was.get(key)).append(" -> ").append(is.get(key)).append(' ');
                }
            }
            return changed.toString().trim();
        }
        return before + " -> " + after;
    }

    /** Null when the answer is problem details with an error code, else what is wrong with it. */
    private static String problemRule(HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "4xx not problem+json (" + type + ")";
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            String code = body.path("errors").path(0).path("error_code").asString("");
            return code.isBlank() ? "4xx problem without an error code" : null;
        } catch (RuntimeException e) {
            return "4xx problem that is not JSON";
        }
    }

    private enum Hostility {
        TEXT, NUMBERS, WRONG_TYPES, NULLS
    }

    /** A body of the operation's schema: valid-looking values, or everywhere the hostile one asked for. */
    private static JsonNode body(JsonNode operation, JsonNode schemas, Hostility hostility) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode() && content.properties().iterator().hasNext()) {
            schema = content.properties().iterator().next().getValue().path("schema");
        }
        return value(schema, schemas, hostility, 0);
    }

    private static JsonNode value(JsonNode schema, JsonNode schemas, Hostility hostility, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 6 ? nodes.objectNode() : value(schemas.path(name), schemas, hostility, depth + 1);
        }
        if (hostility == Hostility.NULLS && depth > 0) {
            return nodes.nullNode();
        }
        boolean wrong = hostility == Hostility.WRONG_TYPES;
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "string" -> wrong ? nodes.numberNode(12) : hostility == Hostility.TEXT ? nodes.stringNode("__HOSTILE__")
                    : nodes.stringNode(example(schema));
            case "integer" -> wrong ? nodes.numberNode(new BigDecimal("1.5"))
                    : hostility == Hostility.NUMBERS ? nodes.stringNode("__NUMBER__") : nodes.numberNode(1);
            case "number" -> wrong ? nodes.stringNode("1e2")
                    : hostility == Hostility.NUMBERS ? nodes.stringNode("__NUMBER__")
                    : nodes.numberNode(new BigDecimal("10.00"));
            case "boolean" -> wrong ? nodes.stringNode("yes") : nodes.booleanNode(true);
            case "array" -> {
                if (wrong) {
                    yield nodes.objectNode();
                }
                var array = nodes.arrayNode();
                array.add(value(schema.path("items"), schemas, hostility, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator();
                        it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), value(property.getValue(), schemas, hostility, depth + 1));
                }
                yield wrong && depth == 0 ? nodes.arrayNode().add(object) : object;
            }
        };
    }

    private static String example(JsonNode schema) {
        String format = schema.path("format").asString("");
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-11-01";
            case "date-time" -> "2026-11-01T00:00:00Z";
            case "email" -> "someone@example.com";
            case "uri", "url" -> "https://127.0.0.1:9/hook";
            default -> "value";
        };
    }

    private static List<String> parametersIn(String template) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static HttpResponse<String> send(HttpClient http, String method, URI uri, Map<String, String> headers,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
