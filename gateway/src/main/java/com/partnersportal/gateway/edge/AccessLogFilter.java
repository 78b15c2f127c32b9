package com.partnersportal.gateway.edge;

import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log line per request on the {@code gateway.access} logger: method, path (never the query, which
 * may hold a signed link), status, duration, client, the caller's kind and merchant, the request id and the trace id,
 * and {@code aborted} when the status went out but the answer never finished.
 * With structured logging on, each is a field.
 */
public class AccessLogFilter implements WebFilter {

    /** Set by the route's access check once the caller is known ({@code kind:merchant}). */
    public static final String CALLER_SUMMARY = AccessLogFilter.class.getName() + ".caller";
    private static final Logger access = LoggerFactory.getLogger("gateway.access");

    /** The request's trace, from its server observation (the log line is written after the request's scope ended). */
    private static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> ((TracingObservationHandler.TracingContext) tracing).getSpan())
                .map(span -> span.context().traceId())
                .orElse(null);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!access.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        // Whether the status had gone out when the exchange failed or the caller left: the answer never finished (the
        // service stopped half-way, or the caller went away). Read at that moment: by the end an error handler may
        // have written a problem, which is an answer.
        AtomicBoolean aborted = new AtomicBoolean();
        return chain.filter(exchange)
                .doOnError(error -> aborted.set(exchange.getResponse().isCommitted()))
                .doOnCancel(() -> aborted.set(exchange.getResponse().isCommitted()))
                .doFinally(signal -> log(exchange, started, aborted.get()));
    }

    private static void log(ServerWebExchange exchange, long started, boolean aborted) {
        ServerHttpRequest request = exchange.getRequest();
        Object caller = exchange.getAttribute(CALLER_SUMMARY);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        long millis = (System.nanoTime() - started) / 1_000_000;
        InetSocketAddress client = request.getRemoteAddress();
        LoggingEventBuilder line = access.atInfo();
        if (aborted) {
            line = line.addKeyValue("http.aborted", true);
        }
        line.addKeyValue("http.method", request.getMethod().name())
                .addKeyValue("url.path", request.getPath().value())
                .addKeyValue("http.status", code)
                .addKeyValue("duration.ms", millis)
                .addKeyValue("client.address", client == null ? "unknown" : client.getAddress().getHostAddress())
                .addKeyValue("caller", caller == null ? "anonymous" : caller)
                .addKeyValue(RequestIdFilter.LOG_KEY, RequestIdFilter.of(exchange))
                .addKeyValue("traceId", traceId(exchange))
                .log("{} {} {} {}ms{}", request.getMethod().name(), request.getPath().value(), code, millis,
                        aborted ? " aborted" : "");
    }
}
