package com.partnersportal.identity.signin;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A locked account or address answers 429 with {@code Retry-After}, wherever the lock was checked (sign-in, its second
 * step, or a signed-in user proving it is them again). Ahead of the kit's general problem handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyAttemptsAdvice {

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setProperty("message", problem.getMessage());
        detail.setProperty("errors", List.of(Map.of("error_code", problem.errorCode(), "data", problem.data())));
        return ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
