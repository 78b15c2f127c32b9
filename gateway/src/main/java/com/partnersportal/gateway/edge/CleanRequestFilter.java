package com.partnersportal.gateway.edge;

import com.partnersportal.gateway.problem.ProblemResponses;
import com.partnersportal.kit.problem.RequestText;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, before it is routed, a request whose path, query or headers hold text the platform refuses everywhere: the
 * same 400 {@code invalid_request_text} problem service-kit's filter gives in every service ({@link RequestText}). A
 * path with an encoded slash or backslash, or a {@code .} or {@code ..} segment, is refused the same way: the route
 * was chosen by the path as written, and no service may see it resolve to another.
 */
public class CleanRequestFilter implements WebFilter {

    private static final Pattern CLIMBING = Pattern.compile("(?i).*(%2f|%5c|\\\\).*|(.*/)?(\\.|%2e){1,2}(/.*)?");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String refused = CLIMBING.matcher(rawPath).matches() ? "path"
                : RequestText.refusedPart(rawPath, request.getURI().getRawQuery());
        for (Iterator<Map.Entry<String, List<String>>> headers = request.getHeaders().headerSet().iterator();
                refused == null && headers.hasNext(); ) {
            Map.Entry<String, List<String>> header = headers.next();
            refused = RequestText.refusedHeader(header.getKey(), header.getValue());
        }
        return refused == null ? chain.filter(exchange) : ProblemResponses.write(exchange, RequestText.refusal(refused));
    }
}
