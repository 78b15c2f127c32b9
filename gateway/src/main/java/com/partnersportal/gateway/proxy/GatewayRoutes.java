package com.partnersportal.gateway.proxy;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import com.partnersportal.gateway.access.RouteAccessFilters;
import com.partnersportal.gateway.ratelimit.RateLimitFilters;
import com.partnersportal.gateway.resilience.UpstreamGuards;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Builds the gateway's routes from {@link RouteTable} and proxies each to its service. Each request passes, in order: the per-address rate
 * limit, authentication and the route's permission, the per-caller rate limit, and the service's circuit
 * breaker and time limit, before it is proxied. The sandbox's merchant header never passes the gateway.
 */
@Configuration
@EnableConfigurationProperties(ServiceAddressProperties.class)
class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> routesToServices(UpstreamTargets targets, RateLimitFilters rateLimits,
            RouteAccessFilters access, UpstreamGuards guards) {
        return RouteTable.ROUTES.stream()
                .map(gatewayRoute -> route(gatewayRoute.id())
                        .route(predicate(gatewayRoute), http())
                        .filter(rateLimits.perAddress(gatewayRoute))
                        .filter(access.forRoute(gatewayRoute))
                        .filter(rateLimits.perCaller(gatewayRoute))
                        .filter(guards.forRoute(gatewayRoute))
                        // Inside the guard: no live replica is a 503 from the circuit breaker's guard, not a 500.
                        .filter(targets.of(gatewayRoute.upstream()))
                        .build())
                .reduce(RouterFunction::and)
                .orElseThrow();
    }

    private static RequestPredicate predicate(GatewayRoute route) {
        RequestPredicate path = RequestPredicates.path(route.path());
        return route.method() == null ? path : RequestPredicates.method(route.method()).and(path);
    }
}
