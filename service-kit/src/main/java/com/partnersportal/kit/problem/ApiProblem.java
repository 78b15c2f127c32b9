package com.partnersportal.kit.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the error code a merchant's code can act on
 * ({@code total_amount_invalid_currency}, {@code order_not_found}, ...) and optional data.
 * Rendered as RFC 9457 problem details by {@link ProblemDetailsAdvice}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final Map<String, Object> data;

    public ApiProblem(HttpStatus status, String errorCode, String message, Map<String, Object> data) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.data = Map.copyOf(data);
    }

    public ApiProblem(HttpStatus status, String errorCode, String message) {
        this(status, errorCode, message, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public Map<String, Object> data() {
        return data;
    }
}
