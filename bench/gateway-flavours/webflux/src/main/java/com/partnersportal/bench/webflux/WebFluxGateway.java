package com.partnersportal.bench.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Benchmark only (bench/gateway-overhead.sh, FLAVOURS=1; ADR 5): the gateway's per-request work on the benchmarked
 * route, {@code GET /merchants/orders/**}, built on Spring Cloud Gateway Server WebFlux (Reactor Netty) so that the
 * two flavours are measured in one run. Each request passes what it passes in the gateway: request id, access log,
 * security headers, CORS and the clean-request check at the edge; then the per-address rate limit, the caller's
 * token check (service-kit's {@code CallerResolver}, its JWKS and introspection caches), the per-caller rate limit
 * (Bucket4j in Redis with the same delaying optimisation), the circuit breaker and the route's time limit, and the
 * proxy to orders-service, with tracing at the services' default sampling. It is not the gateway: it has one route,
 * and no test proves its refusals.
 */
@SpringBootApplication
public class WebFluxGateway {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxGateway.class, args);
    }
}
