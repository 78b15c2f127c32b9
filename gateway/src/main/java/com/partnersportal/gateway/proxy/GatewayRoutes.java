package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.access.RouteAccessFilters;
import com.partnersportal.gateway.ratelimit.RateLimitFilters;
import com.partnersportal.gateway.resilience.UpstreamGuards;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import com.partnersportal.gateway.route.Upstream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Proxies each line of {@link RouteTable} to its service. Every request passes its line's filters, in order: the
 * per-address rate limit, authentication and the line's permission, the per-caller rate limit, and the service's circuit
 * breaker and the line's time limit, before it is proxied (Spring Cloud Gateway's own filters, which pick the replica
 * and make the call, run inside the guard: no live replica is a 503 from the guard, not a 500).
 *
 * <p>Spring Cloud Gateway sees one route per service, which takes the requests whose line ({@link RouteMatcher})
 * names that service and runs that line's filters; a request no line takes is a 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAddressProperties.class)
class GatewayRoutes {

    @Bean
    RouteLocator routesToServices(RouteLocatorBuilder builder, RouteMatcher matcher, UpstreamTargets targets,
            RateLimitFilters rateLimits, RouteAccessFilters access, UpstreamGuards guards) {
        Map<String, GatewayFilter> filtersByLine = new HashMap<>();
        for (GatewayRoute line : RouteTable.ROUTES) {
            filtersByLine.put(line.id(), inOrder(rateLimits.perAddress(line), access.forRoute(line),
                    rateLimits.perCaller(line), guards.forRoute(line)));
        }
        GatewayFilter linesFilters = (exchange, chain) ->
                filtersByLine.get(matcher.match(exchange).orElseThrow().id()).filter(exchange, chain);
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Upstream upstream : Upstream.values()) {
            routes.route(upstream.key(), spec -> spec
                    .predicate(exchange -> matcher.match(exchange).filter(line -> line.upstream() == upstream).isPresent())
                    .filters(filters -> filters.filter(linesFilters, RouteFilterOrder.LINE_FILTERS))
                    .uri(targets.of(upstream)));
        }
        return routes.build();
    }

    /** The filters one after the other, then the rest of Spring Cloud Gateway's chain. */
    private static GatewayFilter inOrder(GatewayFilter... filters) {
        return (exchange, chain) -> from(0, filters, exchange, chain);
    }

    private static Mono<Void> from(int index, GatewayFilter[] filters, ServerWebExchange exchange, GatewayFilterChain chain) {
        return index == filters.length ? chain.filter(exchange)
                : filters[index].filter(exchange, next -> from(index + 1, filters, next, chain));
    }
}
