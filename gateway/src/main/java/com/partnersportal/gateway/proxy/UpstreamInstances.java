package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.route.Upstream;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The replicas of one service for Spring Cloud LoadBalancer (one child context per service): the addresses from
 * {@code portal.services.<name>-url}, of which only those whose liveness probe answered within the last second are
 * offered, so a killed replica stops receiving requests at once. Deliberately not a {@code @Configuration}: it must
 * not be picked up by component scanning, only by {@link UpstreamTargets}'s {@code @LoadBalancerClients}.
 */
class UpstreamInstances {

    @Bean
    ServiceInstanceListSupplier upstreamReplicas(ConfigurableApplicationContext context, Environment environment,
            ServiceAddressProperties addresses) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        Upstream upstream = Arrays.stream(Upstream.values()).filter(u -> u.key().equals(serviceId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no upstream " + serviceId));
        List<URI> uris = addresses.of(upstream);
        ServiceInstance[] instances = IntStream.range(0, uris.size())
                .mapToObj(i -> new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, uris.get(i).getHost(),
                        uris.get(i).getPort(), "https".equals(uris.get(i).getScheme())))
                .toArray(ServiceInstance[]::new);
        WebClient probes = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 500)
                .responseTimeout(Duration.ofSeconds(1)))).build();
        return ServiceInstanceListSupplier.builder()
                .withBase(ServiceInstanceListSuppliers.from(serviceId, instances))
                .withHealthChecks(probes)
                .build(context);
    }
}
