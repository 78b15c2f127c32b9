package com.partnersportal.gateway.resilience;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * Bounds the silence within a service's answer ({@code portal.gateway.upstreams.read-timeout}): Spring Cloud Gateway's
 * own response timeout stops waiting for the status and headers, but not for a body that stops half-way, which would
 * hold the caller's connection and the gateway's for ever. Reactor Netty's response timeout is a read timeout from the
 * request sent to the answer's last byte; the routes' time limits ({@link UpstreamGuards}) stay in charge of the wait
 * for headers, being shorter.
 */
@Component
class UpstreamReadTimeout implements HttpClientCustomizer {

    private final UpstreamProperties properties;

    UpstreamReadTimeout(UpstreamProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.responseTimeout(properties.readTimeout());
    }
}
