package com.partnersportal.gateway.edge;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The client's address, as the rate limits, the access log and the services see it: the connection's, unless it
 * comes from a trusted proxy ({@code portal.gateway.trusted-proxies}, a pattern of addresses: the load balancer in
 * front), in which case the last address in {@code X-Forwarded-For} that is not itself a trusted proxy. A caller
 * cannot choose its address by sending the header itself. The services receive exactly that one address in
 * {@code X-Forwarded-For} (proxy.ProxiedRequestHeaders; they trust the gateway for it).
 */
public class ClientAddressFilter implements WebFilter {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Pattern trustedProxies;

    public ClientAddressFilter(Pattern trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress connection = request.getRemoteAddress();
        if (connection == null || connection.getAddress() == null) {
            return chain.filter(exchange);
        }
        InetSocketAddress client = connection;
        List<String> forwarded = request.getHeaders().get(FORWARDED_FOR);
        if (forwarded != null && trusted(connection.getAddress())) {
            client = forwardedClient(forwarded, connection);
        }
        if (client == connection) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request.mutate().remoteAddress(client).build()).build());
    }

    /** The right-most address of the chain that is not a trusted proxy; the connection when none is usable. */
    private InetSocketAddress forwardedClient(List<String> forwarded, InetSocketAddress connection) {
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return connection;
            }
            if (!trusted(hop) || i == 0) {
                return new InetSocketAddress(hop, 0);
            }
        }
        return connection;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.matcher(address.getHostAddress()).matches();
    }

    /** An IP address written as one; anything else (a name, garbage) is never looked up and counts as unusable. */
    private static InetAddress literal(String text) {
        return NetUtil.createInetAddressFromIpAddressString(text);
    }
}
