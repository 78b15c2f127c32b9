package com.partnersportal.gateway.proxy;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import com.partnersportal.gateway.ratelimit.RateLimitFilters;
import com.partnersportal.gateway.resilience.UpstreamGuards;
import com.partnersportal.gateway.route.Access;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RateClass;
import com.partnersportal.gateway.route.Upstream;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /v3/api-docs/<service>}: each service's OpenAPI description, for the gateway's one Swagger UI at
 * {@code /swagger-ui.html}. Open to all, like Tamara's published API reference.
 */
@Configuration
class ApiDocsRoutes {

    @Bean
    RouterFunction<ServerResponse> apiDocsOfServices(UpstreamTargets targets, RateLimitFilters rateLimits,
            UpstreamGuards guards) {
        return Arrays.stream(Upstream.values())
                .map(upstream -> {
                    GatewayRoute docs = new GatewayRoute("api-docs-" + upstream.key(), upstream, HttpMethod.GET,
                            "/v3/api-docs/" + upstream.key(), Access.open(), RateClass.STANDARD);
                    return route(docs.id())
                            .route(RequestPredicates.GET(docs.path()), http())
                            .filter(rateLimits.perAddress(docs))
                            .before(setPath("/v3/api-docs"))
                            .filter(guards.forRoute(docs))
                            .filter(targets.of(upstream))
                            .build();
                })
                .reduce(RouterFunction::and)
                .orElseThrow();
    }
}
