package com.partnersportal.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fuzz-style walk over every operation a service's OpenAPI document describes: each path parameter, each query
 * parameter and each request body is sent hostile values (NUL, unpaired surrogates, bidi overrides, over-long text,
 * wrong JSON types, exponent and string numbers, deep nesting, malformed JSON), one at a time, with the headers the
 * caller gives for the path. What it returns is every answer in the 5xx range: a service's test asserts there is none.
 */
public final class HostileRoutes {

    /** One request that got a server error. */
    public record ServerError(String method, String target, String variant, int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "%ED%A0%80", "%E2%80%AEgnp.exe", "%FF%FE",
            "..%2F..%2Fetc%2Fpasswd", "x".repeat(300), "-1", "1e400", "%20");
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("%00", "%00%FF", "%FF", "%ED%A0%80",
            "%E2%80%AE", "1e400", "-1", "1.5", "true", "x".repeat(3000), "%27%22%3C%3E");
    private static final List<String> HOSTILE_STRINGS = List.of("\\u0000", "\\ud800", "\\u202Egnp.exe",
            "x".repeat(20_000), "\\uFFFF");

    private HostileRoutes() {
    }

    /**
     * @param headersFor the headers to send for a path (its credentials): e.g. a user token for /portal paths
     */
    public static List<ServerError> serverErrors(int port, Function<String, Map<String, String>> headersFor) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        JsonNode document = JSON.readTree(send(http, "GET", URI.create(base + "/v3/api-docs"), Map.of(), null).body());
        JsonNode schemas = document.path("components").path("schemas");
        List<ServerError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                Map<String, String> headers = headersFor.apply(path.getKey());
                walk(http, base, method, path.getKey(), operation.getValue(), schemas, headers, errors);
            }
        }
        return errors;
    }

    private static void walk(HttpClient http, String base, String method, String template, JsonNode operation,
            JsonNode schemas, Map<String, String> headers, List<ServerError> errors) {
        String plain = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String validBody = operation.has("requestBody") ? body(operation, schemas, null).toString() : null;
        for (String segment : HOSTILE_SEGMENTS) {
            for (String parameter : parametersIn(template)) {
                String target = template.replace("{" + parameter + "}", segment).replaceAll("\\{[^}]+}",
                        UUID.randomUUID().toString());
                call(http, base, method, target, headers, validBody, "path " + parameter + "=" + abbreviated(segment),
                        errors);
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            for (String value : HOSTILE_QUERY_VALUES) {
                String target = plain + "?" + parameter.path("name").asString() + "=" + value;
                call(http, base, method, target, headers, validBody,
                        "query " + parameter.path("name").asString() + "=" + abbreviated(value), errors);
            }
        }
        if (validBody != null) {
            List<String> bodies = new ArrayList<>();
            for (String hostile : HOSTILE_STRINGS) {
                bodies.add(body(operation, schemas, new Hostility("\"" + hostile + "\"")).toString()
                        .replace("\"__HOSTILE__\"", "\"" + hostile + "\""));
            }
            bodies.add(body(operation, schemas, new Hostility("wrong-types")).toString());
            bodies.add("\"a string\"");
            bodies.add("[1, 2, 3]");
            bodies.add("{\"unclosed\": ");
            bodies.add("[".repeat(10_000) + "]".repeat(10_000));
            bodies.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
            for (String body : bodies) {
                call(http, base, method, plain, headers, body, "body " + abbreviated(body), errors);
            }
        }
    }

    private record Hostility(String kind) {
    }

    /** A body of the operation's schema: valid-looking values, or everywhere the hostile one asked for. */
    private static JsonNode body(JsonNode operation, JsonNode schemas, Hostility hostility) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return value(schema, schemas, hostility, 0);
    }

    private static JsonNode value(JsonNode schema, JsonNode schemas, Hostility hostility, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 6 ? nodes.objectNode() : value(schemas.path(name), schemas, hostility, depth + 1);
        }
        boolean wrong = hostility != null && hostility.kind().equals("wrong-types");
        boolean text = hostility != null && !wrong;
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" -> wrong ? nodes.numberNode(12) : text ? nodes.stringNode("__HOSTILE__")
                    : nodes.stringNode(schema.path("format").asString("").equals("uuid") ? UUID.randomUUID().toString()
                            : schema.has("enum") ? schema.get("enum").get(0).asString() : "value");
            case "integer" -> wrong ? nodes.numberNode(new java.math.BigDecimal("1.5")) : nodes.numberNode(1);
            case "number" -> wrong ? nodes.stringNode("1e2") : nodes.numberNode(new java.math.BigDecimal("10.00"));
            case "boolean" -> wrong ? nodes.stringNode("yes") : nodes.booleanNode(true);
            case "array" -> {
                var array = nodes.arrayNode();
                if (wrong) {
                    yield nodes.objectNode();
                }
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

    private static List<String> parametersIn(String template) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static void call(HttpClient http, String base, String method, String target, Map<String, String> headers,
            String body, String variant, List<ServerError> errors) {
        URI uri;
        try {
            uri = URI.create(base + target);
        } catch (IllegalArgumentException e) {
            return;
        }
        HttpResponse<String> answer = send(http, method, uri, headers, body);
        if (answer.statusCode() >= 500) {
            errors.add(new ServerError(method, target.length() > 200 ? target.substring(0, 200) : target, variant,
                    answer.statusCode(), abbreviated(answer.body())));
        }
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
