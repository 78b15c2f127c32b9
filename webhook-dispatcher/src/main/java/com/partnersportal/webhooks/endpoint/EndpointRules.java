package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.webhooks.publicevent.PublicEventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What an endpoint may be: an absolute http(s) URL of at most 255 characters (HTTPS only in production), no user
 * info or fragment; known event types; custom headers that cannot impersonate the signature or the transport.
 */
final class EndpointRules {

    static final int MAX_URL = 255;
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-type", "content-length",
            "transfer-encoding", "connection", "user-agent", "expect", "upgrade", "te", "trailer",
            "keep-alive", "proxy-authorization", "webhook-payload-version");

    private EndpointRules() {
    }

    static EndpointChange check(EndpointChange change, DeploymentMode mode) {
        String url = url(change.url(), mode);
        List<String> types = eventTypes(change.eventTypes());
        Map<String, String> headers = headers(change.headers());
        String description = change.description();
        if (description != null && description.length() > 500) {
            throw invalid("description", "description is longer than 500 characters.");
        }
        if (change.rateLimit() != null && (change.rateLimit() < 1 || change.rateLimit() > 10_000)) {
            throw invalid("rate_limit", "rate_limit must be between 1 and 10000 messages per second.");
        }
        if (change.maxConcurrency() != null && (change.maxConcurrency() < 1 || change.maxConcurrency() > 256)) {
            throw invalid("max_concurrency", "max_concurrency must be between 1 and 256.");
        }
        return new EndpointChange(url, description, types, headers, change.enabled(), change.rateLimit(),
                change.maxConcurrency());
    }

    static String url(String url, DeploymentMode mode) {
        if (url == null || url.isBlank()) {
            throw invalid("url", "url is required.");
        }
        url = url.trim();
        if (url.length() > MAX_URL) {
            throw invalid("url", "url is longer than " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url", "url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && mode.isSandbox())) {
            throw invalid("url", mode.isSandbox() ? "url must be http or https." : "url must use https.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("url", "url has no host.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("url", "url must not contain user info or a fragment.");
        }
        return url;
    }

    private static List<String> eventTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw invalid("events", "events must name at least one of " + PublicEventType.wireNames() + ".");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String type : types) {
            if (PublicEventType.fromWireName(type).isEmpty()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "event_type_unknown",
                        "'%s' is not an event type; known: %s.".formatted(type, PublicEventType.wireNames()),
                        Map.of("field", "events", "value", String.valueOf(type)));
            }
            distinct.add(type);
        }
        return List.copyOf(distinct);
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        if (headers.size() > 20) {
            throw invalid("headers", "at most 20 custom headers.");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (!lower.matches("[a-z0-9!#$%&'*+.^_`|~-]{1,64}") || value == null || value.length() > 1000
                    || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw invalid("headers", "header '" + name + "' is not a valid header name and value.");
            }
            if (RESERVED_HEADERS.contains(lower) || lower.startsWith("webhook-")) {
                throw invalid("headers", "header '" + name + "' is set by the dispatcher itself.");
            }
            checked.put(name, value);
        });
        return checked;
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }
}
