package com.partnersportal.gateway.edge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

/** The gateway's own refusals, as RFC 9457 problem details in the platform's shape (message, errors[error_code]). */
public final class Problems {

    private Problems() {
    }

    public static ServerResponse response(HttpStatus status, String errorCode, String message) {
        return response(status, errorCode, message, Map.of());
    }

    public static ServerResponse response(HttpStatus status, String errorCode, String message, Map<String, Object> data) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, errorCode, message, data));
    }

    public static ProblemDetail detail(HttpStatus status, String errorCode, String message, Map<String, Object> data) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setType(URI.create("about:blank"));
        detail.setProperty("message", message);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", errorCode);
        error.put("data", data);
        detail.setProperty("errors", List.of(error));
        return detail;
    }
}
