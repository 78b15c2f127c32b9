package com.partnersportal.kit.problem;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 problem details carrying Tamara's shape too: a {@code message} and an
 * {@code errors} list of {@code error_code}s. Bad input is a 4xx; only our own faults are a 500, and
 * those never echo internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        return ProblemBodies.entity(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        log.error("Unhandled error", exception);
        return ResponseEntity.internalServerError()
                .body(ProblemBodies.detail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.",
                        List.of(ProblemBodies.error("internal_error", Map.of()))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(field -> ProblemBodies.error("invalid_field", Map.of(
                        "field", snakeCase(field.getField()),
                        "reason", String.valueOf(field.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(ProblemBodies.detail(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(exception);
        if (field != null) {
            String reason = reasonOf(exception);
            return ResponseEntity.badRequest().body(ProblemBodies.detail(HttpStatus.BAD_REQUEST,
                    "The request body's field %s %s.".formatted(field, reason),
                    List.of(ProblemBodies.error("invalid_request_body", Map.of("field", field, "reason", reason)))));
        }
        return ResponseEntity.badRequest().body(ProblemBodies.detail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.", List.of(ProblemBodies.error("invalid_request_body", Map.of()))));
    }

    /** The JSON path of the value Jackson refused, as the caller wrote it ({@code items[0].quantity}), if any. */
    private static String fieldOf(HttpMessageNotReadableException exception) {
        if (!(exception.getCause() instanceof DatabindException refused) || refused.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : refused.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String reasonOf(HttpMessageNotReadableException exception) {
        if (exception.getCause() instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (exception.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return invalid.getTargetType() == String.class
                    ? "contains a control character, an unpaired surrogate or a noncharacter"
                    : invalid.getTargetType() == java.math.BigDecimal.class
                            ? "must be a JSON number in plain decimal notation"
                            : "is not a valid " + simpleType(invalid.getTargetType());
        }
        if (exception.getCause() instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> type = mismatched.getTargetType();
            if (type == java.math.BigDecimal.class) {
                return "must be a JSON number in plain decimal notation";
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "must be a JSON integer";
            }
            return "must be a " + simpleType(type);
        }
        return "has the wrong type";
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "JSON number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "JSON boolean";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return "JSON string of the expected form";
        }
        return "JSON value of the expected shape";
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
            detail.setProperty("message", detail.getDetail());
            detail.setProperty("errors", List.of(ProblemBodies.error(ProblemBodies.errorCode(statusCode), Map.of())));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Field paths as the caller wrote them: {@code items[0].total_amount}, not {@code items[0].totalAmount}. */
    static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
