package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.edge.ClientAddressFilter;
import com.partnersportal.gateway.edge.RequestIdFilter;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway tells a service about the request, each as exactly one header: its id ({@link RequestIdFilter}) and
 * the client's address as the edge established it ({@link ClientAddressFilter}), the latter after Spring Cloud Gateway
 * has removed whatever {@code X-Forwarded-*} the caller sent (its RemoveXForwardedHeadersFilter, since the gateway names
 * no trusted proxies of its own).
 */
@Component
class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        String requestId = RequestIdFilter.of(exchange);
        if (requestId != null) {
            updated.set(RequestIdFilter.HEADER, requestId);
        }
        InetSocketAddress client = exchange.getRequest().getRemoteAddress();
        if (client != null && client.getAddress() != null) {
            updated.set(ClientAddressFilter.FORWARDED_FOR, client.getAddress().getHostAddress());
        }
        return updated;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
