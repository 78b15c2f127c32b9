package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.ratelimit.RateLimitFilters;
import com.partnersportal.gateway.resilience.UpstreamGuards;
import com.partnersportal.gateway.route.Access;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RateClass;
import com.partnersportal.gateway.route.Upstream;
import org.springframework.cloud.gateway.filter.factory.SetPathGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * {@code GET /v3/api-docs/<service>}: each service's OpenAPI description, for the gateway's one Swagger UI at
 * {@code /swagger-ui.html}. Open to all, like Tamara's published API reference.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    @Bean
    RouteLocator apiDocsOfServices(RouteLocatorBuilder builder, UpstreamTargets targets, RateLimitFilters rateLimits,
            UpstreamGuards guards) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Upstream upstream : Upstream.values()) {
            GatewayRoute docs = new GatewayRoute("api-docs-" + upstream.key(), upstream, HttpMethod.GET,
                    "/v3/api-docs/" + upstream.key(), Access.open(), RateClass.STANDARD);
            routes.route(docs.id(), spec -> spec.method(HttpMethod.GET).and().path(docs.path())
                    .filters(filters -> filters
                            .filter(rateLimits.perAddress(docs), RouteFilterOrder.PER_ADDRESS_LIMIT)
                            .filter(new SetPathGatewayFilterFactory().apply(config -> config.setTemplate("/v3/api-docs")),
                                    RouteFilterOrder.REWRITE)
                            .filter(guards.forRoute(docs), RouteFilterOrder.GUARD))
                    .uri(targets.of(upstream)));
        }
        return routes.build();
    }
}
