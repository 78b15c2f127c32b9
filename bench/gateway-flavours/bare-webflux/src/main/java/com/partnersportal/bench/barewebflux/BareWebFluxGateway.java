package com.partnersportal.bench.barewebflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The WebFlux flavour with nothing of ours: one route (application.yml) proxied by Spring Cloud Gateway Server
 * WebFlux on Reactor Netty. What it costs per request is the floor under any filters (bench/gateway-overhead.sh,
 * FLAVOURS=1).
 */
@SpringBootApplication
public class BareWebFluxGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareWebFluxGateway.class, args);
    }
}
