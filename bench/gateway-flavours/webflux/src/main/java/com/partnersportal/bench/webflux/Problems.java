package com.partnersportal.bench.webflux;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.problem.ProblemBodies;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A problem answer written to the exchange, with the body the gateway's problems have. */
final class Problems {

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        problem.headers().forEach(response.getHeaders()::set);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ProblemBodies.json(problem.status().value(), problem.errorCode(), problem.detail(), problem.data())
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
