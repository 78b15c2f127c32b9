package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.edge.ClientAddressFilter;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one {@code X-Forwarded-For} value a service receives: the client's address as the edge established it
 * ({@link ClientAddressFilter}), after Spring Cloud Gateway has removed whatever the caller sent (its
 * RemoveXForwardedHeadersFilter, since the gateway names no trusted proxies of its own).
 */
@Component
class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        InetSocketAddress client = exchange.getRequest().getRemoteAddress();
        if (client == null || client.getAddress() == null) {
            return input;
        }
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.set(ClientAddressFilter.FORWARDED_FOR, client.getAddress().getHostAddress());
        return updated;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
