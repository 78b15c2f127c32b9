package com.partnersportal.kit.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one exception for a refusal, thrown alike by domain code, controllers, filters and the gateway: the status, the
 * error code a merchant's code can act on ({@code total_amount_invalid_currency}, {@code order_not_found}, ...), the
 * detail a person reads, the error's data (a refused field travels as {@code data.field}) and headers the answer
 * carries (such as {@code Retry-After}). {@link ProblemBodies} writes it as RFC 9457 problem details.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final Map<String, Object> data;
    private final Map<String, String> headers;

    public ApiProblem(HttpStatus status, String errorCode, String detail, Map<String, Object> data,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.errorCode = errorCode;
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(HttpStatus status, String errorCode, String detail, Map<String, Object> data) {
        this(status, errorCode, detail, data, Map.of());
    }

    public ApiProblem(HttpStatus status, String errorCode, String detail) {
        this(status, errorCode, detail, Map.of(), Map.of());
    }

    /** A 400 {@code invalid_field} naming the field and why, the same shape as a bean-validation refusal. */
    public static ApiProblem invalidField(String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", field + " " + reason + ".",
                Map.of("field", field, "reason", reason));
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** What a person reads: the problem's {@code detail} (and Tamara's {@code message}). */
    public String detail() {
        return getMessage();
    }

    public Map<String, Object> data() {
        return data;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
