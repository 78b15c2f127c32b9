package com.partnersportal.gateway.problem;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.problem.ProblemBodies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own refusals (401, 403, 413, 429, 503, 504, ...) written as the platform's RFC 9457 problem details,
 * in the same body service-kit's {@link ProblemBodies} gives every service.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        return write(exchange, problem.status(), problem.errorCode(), problem.detail(), problem.data(), problem.headers());
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String errorCode, String detail,
            Map<String, Object> data, Map<String, String> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        headers.forEach(response.getHeaders()::set);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ProblemBodies.json(status.value(), errorCode, detail, data).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
