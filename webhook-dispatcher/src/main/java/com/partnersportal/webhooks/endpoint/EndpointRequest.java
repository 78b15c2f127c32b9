package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An endpoint as Tamara's {@code POST /webhooks} takes it ({@code type} "order", {@code events}, {@code url},
 * {@code headers}), with this platform's additions: description, enabled, rate limit and concurrency.
 */
record EndpointRequest(String type, String url, List<String> events, Map<String, String> headers, String description,
        Boolean enabled, Integer rateLimit, Integer maxConcurrency) {

    EndpointChange toChange() {
        if (type != null && !type.equals("order")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "type must be 'order'.",
                    Map.of("field", "type"));
        }
        return new EndpointChange(url, description, events, headers, enabled, rateLimit, maxConcurrency);
    }
}
