package com.partnersportal.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How one attempt went.
 *
 * @param outcome         success, http_error, gone, timeout, network_error or refused
 * @param requestHeaders  what was sent, secrets redacted
 * @param retryAfter      the receiver's Retry-After on 429 or 503, if any
 */
record AttemptResult(String outcome, Instant startedAt, Duration latency, String url, Map<String, String> requestHeaders,
        Integer status, String responseBody, String error, Duration retryAfter) {

    static final String SUCCESS = "success";
    static final String HTTP_ERROR = "http_error";
    static final String GONE = "gone";
    static final String TIMEOUT = "timeout";
    static final String NETWORK_ERROR = "network_error";
    static final String REFUSED = "refused";

    boolean succeeded() {
        return SUCCESS.equals(outcome);
    }

    /** The outcome as a person reads it: "HTTP 500", "timed out after 15 s". */
    String describe() {
        return switch (outcome) {
            case SUCCESS, HTTP_ERROR, GONE -> "HTTP " + status;
            default -> error;
        };
    }
}
