package com.partnersportal.bench.webflux;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The benchmarked route with the gateway's filters in the gateway's order (its {@code GatewayRoutes}). */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator merchantOrderLookup(RouteLocatorBuilder routes, RateLimits rateLimits, AccessCheck access,
            UpstreamGuard guard, @Value("${portal.services.orders-url}") String ordersUrl,
            @Value("${portal.gateway.upstreams.timeout:10s}") Duration timeout) {
        return routes.routes()
                .route("merchant-order-lookup", route -> route.method(HttpMethod.GET).and().path("/merchants/orders/**")
                        .filters(filters -> filters
                                .filter(rateLimits.perAddress(), 1)
                                .filter(access.merchantApi(), 2)
                                .filter(rateLimits.perCaller(), 3)
                                .filter(guard.forService("orders", timeout), 4))
                        .uri(ordersUrl))
                .build();
    }
}
