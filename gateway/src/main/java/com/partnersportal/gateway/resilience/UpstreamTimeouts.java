package com.partnersportal.gateway.resilience;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The proxy client's request factory (the gateway's {@code ClientHttpRequestFactory} bean, which Spring Cloud Gateway
 * hands its proxy): the configured client ({@code spring.http.clients.*}) with the read timeout of the route being
 * proxied on this thread, set by {@link UpstreamGuards} around the call, and the configured one otherwise. One
 * factory (one client, one connection pool) per distinct timeout: a handful. The route's time limit is then the
 * client's own timeout, on the request's own thread, with no hand-off (ADR 5).
 */
final class UpstreamTimeouts implements ClientHttpRequestFactory {

    private static final ThreadLocal<Duration> CURRENT = new ThreadLocal<>();

    private final ClientHttpRequestFactoryBuilder<?> builder;
    private final HttpClientSettings settings;
    private final ClientHttpRequestFactory configured;
    private final Map<Duration, ClientHttpRequestFactory> byTimeout = new ConcurrentHashMap<>();

    UpstreamTimeouts(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
        this.builder = builder;
        this.settings = settings;
        this.configured = builder.build(settings);
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        Duration timeout = CURRENT.get();
        ClientHttpRequestFactory factory = timeout == null ? configured
                : byTimeout.computeIfAbsent(timeout, limit -> builder.build(settings.withReadTimeout(limit)));
        return factory.createRequest(uri, httpMethod);
    }

    /** Runs {@code call} (the proxied exchange) with the route's time limit on this thread's upstream requests. */
    static <T> T within(Duration timeout, Callable<T> call) throws Exception {
        Duration outer = CURRENT.get();
        CURRENT.set(timeout);
        try {
            return call.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Whether the failure is the client's read timeout (JDK client: HttpTimeoutException; others:
     * SocketTimeoutException), not a connection that could not be made.
     */
    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
