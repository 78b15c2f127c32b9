package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.route.Upstream;
import java.net.URI;
import java.util.List;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.stereotype.Component;

/**
 * Where a route's requests go: straight to the service's one address, or, when it runs as several replicas, to one
 * of them chosen round robin by Spring Cloud LoadBalancer among those whose liveness answers
 * ({@link UpstreamInstances}).
 */
@Component
@LoadBalancerClients(defaultConfiguration = UpstreamInstances.class)
class UpstreamTargets {

    private final ServiceAddressProperties addresses;

    UpstreamTargets(ServiceAddressProperties addresses) {
        this.addresses = addresses;
    }

    URI of(Upstream upstream) {
        List<URI> replicas = addresses.of(upstream);
        if (replicas == null || replicas.isEmpty()) {
            throw new IllegalStateException("no address for " + upstream.key() + ": set portal.services." + upstream.key() + "-url");
        }
        return replicas.size() == 1 ? replicas.getFirst() : URI.create("lb://" + upstream.key());
    }
}
