package com.partnersportal.webhooks.endpoint;

import java.util.List;
import java.util.Map;

/** What a merchant sets on an endpoint (create or replace). */
public record EndpointChange(String url, String description, List<String> eventTypes, Map<String, String> headers,
        Boolean enabled, Integer rateLimit, Integer maxConcurrency) {
}
