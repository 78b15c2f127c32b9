package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.cloud.gateway.handler.predicate.MethodRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds a request's line of the route table: the first line, in the table's order, whose method and path match, tested
 * with Spring Cloud Gateway's own method and path predicates (so matching means what it meant with one gateway route per
 * line). The lines are indexed by their path's first segment, and the answer is kept on the exchange. Spring Cloud
 * Gateway tries its routes one by one, each through a chain of reactive operators: with one route per line, finding the
 * 20th of 38 took 17 % of the gateway's CPU under load (ADR 5).
 */
@Component
class RouteMatcher {

    private static final String MATCHED = RouteMatcher.class.getName() + ".route";
    private static final Object NO_ROUTE = new Object();

    private final Map<String, List<Line>> linesByFirstSegment = new HashMap<>();

    RouteMatcher(PathRoutePredicateFactory paths, MethodRoutePredicateFactory methods) {
        for (GatewayRoute route : RouteTable.ROUTES) {
            String first = firstSegment(route.path());
            if (first.isEmpty() || first.chars().anyMatch(c -> c == '*' || c == '{' || c == '?')) {
                throw new IllegalStateException("route " + route.id() + ": its path must begin with a literal segment");
            }
            Predicate<ServerWebExchange> path = paths.apply(config -> config.setPatterns(List.of(route.path())));
            Predicate<ServerWebExchange> matches = route.method() == null ? path
                    : methods.apply(config -> config.setMethods(route.method())).and(path);
            linesByFirstSegment.computeIfAbsent(first, segment -> new ArrayList<>()).add(new Line(route, matches));
        }
    }

    /** The route table's line for this request, if any. */
    Optional<GatewayRoute> match(ServerWebExchange exchange) {
        Object known = exchange.getAttribute(MATCHED);
        if (known == null) {
            known = find(exchange);
            exchange.getAttributes().put(MATCHED, known);
        }
        return known == NO_ROUTE ? Optional.empty() : Optional.of((GatewayRoute) known);
    }

    private Object find(ServerWebExchange exchange) {
        List<PathContainer.Element> elements = exchange.getRequest().getPath().pathWithinApplication().elements();
        if (elements.size() < 2 || !(elements.get(1) instanceof PathContainer.PathSegment first)) {
            return NO_ROUTE;
        }
        for (Line line : linesByFirstSegment.getOrDefault(first.valueToMatch(), List.of())) {
            if (line.matches().test(exchange)) {
                return line.route();
            }
        }
        return NO_ROUTE;
    }

    private static String firstSegment(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    private record Line(GatewayRoute route, Predicate<ServerWebExchange> matches) {
    }
}
