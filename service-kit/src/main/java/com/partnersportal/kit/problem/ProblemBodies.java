package com.partnersportal.kit.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of the platform's RFC 9457 answers, for the services and the gateway alike: {@code type}
 * ({@code about:blank}), {@code title} (the status's reason phrase), {@code status}, {@code detail}, and Tamara's shape
 * beside them: {@code message} (the detail again) and {@code errors}, a list of {@code {error_code, data}}.
 */
public final class ProblemBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBodies() {
    }

    /** The answer of a controller advice: the problem's status, its headers and its body. */
    public static ResponseEntity<Object> entity(ApiProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        problem.headers().forEach((name, value) -> answer.header(name, value));
        return answer.body(detail(problem));
    }

    /** The answer of a functional route or filter (the gateway's). */
    public static ServerResponse serverResponse(ApiProblem problem) {
        return ServerResponse.status(problem.status())
                .headers(headers -> problem.headers().forEach(headers::add))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(problem));
    }

    /** Written straight to the servlet response, by a filter that refuses a request before Spring MVC sees it. */
    public static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status().value());
        problem.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json(problem.status().value(), problem.errorCode(), problem.detail(), problem.data()));
    }

    public static ProblemDetail detail(ApiProblem problem) {
        return detail(problem.status(), problem.detail(), List.of(error(problem.errorCode(), problem.data())));
    }

    public static ProblemDetail detail(HttpStatusCode status, String detail, List<Map<String, Object>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("about:blank"));
        body.setProperty("message", detail);
        body.setProperty("errors", errors);
        return body;
    }

    public static Map<String, Object> error(String errorCode, Map<String, Object> data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", errorCode);
        error.put("data", data);
        return error;
    }

    /** The error code of an answer that is only a status: its name ({@code not_found}), {@code http_<n>} when unnamed. */
    public static String errorCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase();
    }

    /** The body as JSON text, for writers outside Spring MVC; a status no {@link HttpStatus} names is titled "Error". */
    public static String json(int status, String errorCode, String detail, Map<String, Object> data) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        body.put("errors", List.of(error(errorCode, data)));
        return JSON.writeValueAsString(body);
    }
}
