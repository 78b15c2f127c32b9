package com.partnersportal.gateway.edge;

import io.micrometer.common.KeyValue;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a sane one, a new one otherwise. It is
 * returned on the response, passed to the service (exactly one), written in the request's access-log line
 * ({@code requestId}) and tagged on the trace, so a merchant quoting it leads straight to the logs and the trace.
 */
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request id's field in log lines. */
    public static final String LOG_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String first = exchange.getRequest().getHeaders().getFirst(HEADER);
        boolean sane = first != null && SANE.matcher(first).matches();
        String requestId = sane ? first : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of("request.id", requestId)));
        // The service receives it as the one X-Request-Id (proxy.ProxiedRequestHeaders), without copying the request here.
        return chain.filter(exchange);
    }

    /** The request's id once this filter has run (it is on the response from the start, and goes to the service). */
    public static String of(ServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getFirst(HEADER);
    }

}
