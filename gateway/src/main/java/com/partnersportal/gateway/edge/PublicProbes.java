package com.partnersportal.gateway.edge;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The only actuator paths the public port answers: liveness and readiness, status only. Everything else the actuator
 * has (health details, metrics, Prometheus) is on the management port ({@code management.server.port}, loopback by
 * default), which is never published.
 */
@RestController
class PublicProbes {

    private final HealthEndpoint health;

    PublicProbes(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/actuator/health/{probe:liveness|readiness}")
    ResponseEntity<Map<String, String>> probe(@PathVariable String probe) {
        HealthDescriptor descriptor = health.healthForPath(probe);
        Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", status.getCode()));
    }
}
