package com.partnersportal.gateway.problem;

import com.partnersportal.kit.problem.ProblemBodies;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error no filter answered itself, as problem details: no route (404), a method the route does not take (405),
 * an unreadable request (400) take their status's name as the error code, as in the services; anything else is the
 * gateway's own fault, a 500 {@code internal_error} that says nothing of its cause. Ahead of Spring Boot's error
 * handler (order -2), which would answer in its own shape.
 */
@Component
@Order(-3)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException refused) {
            HttpStatusCode status = refused.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            String detail = refused.getReason() != null && status.is4xxClientError() ? refused.getReason()
                    : known == null ? "The request was refused." : known.getReasonPhrase() + ".";
            exchange.getResponse().getHeaders().putAll(refused.getHeaders());
            return ProblemResponses.write(exchange, status, ProblemBodies.errorCode(status), detail, Map.of(), Map.of());
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred.", Map.of(), Map.of());
    }
}
