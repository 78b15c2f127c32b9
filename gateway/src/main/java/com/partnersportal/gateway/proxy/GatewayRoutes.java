package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.access.RouteAccessFilters;
import com.partnersportal.gateway.ratelimit.RateLimitFilters;
import com.partnersportal.gateway.resilience.UpstreamGuards;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the gateway's routes from {@link RouteTable} and proxies each to its service. Each request passes, in order:
 * the per-address rate limit, authentication and the route's permission, the per-caller rate limit, and the service's
 * circuit breaker and time limit, before it is proxied (Spring Cloud Gateway's own filters, which pick the replica and
 * make the call, run inside the guard: no live replica is a 503 from the guard, not a 500).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAddressProperties.class)
class GatewayRoutes {

    @Bean
    RouteLocator routesToServices(RouteLocatorBuilder builder, UpstreamTargets targets, RateLimitFilters rateLimits,
            RouteAccessFilters access, UpstreamGuards guards) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (GatewayRoute route : RouteTable.ROUTES) {
            routes.route(route.id(), spec -> (route.method() == null ? spec.path(route.path())
                            : spec.method(route.method()).and().path(route.path()))
                    .filters(filters -> filters
                            .filter(rateLimits.perAddress(route), RouteFilterOrder.PER_ADDRESS_LIMIT)
                            .filter(access.forRoute(route), RouteFilterOrder.ACCESS)
                            .filter(rateLimits.perCaller(route), RouteFilterOrder.PER_CALLER_LIMIT)
                            .filter(guards.forRoute(route), RouteFilterOrder.GUARD))
                    .uri(targets.of(route.upstream())));
        }
        return routes.build();
    }
}
