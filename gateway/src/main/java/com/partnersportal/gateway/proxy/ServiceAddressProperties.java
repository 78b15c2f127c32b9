package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.route.Upstream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.services.<name>-url}: where each service answers (the local run and compose set them); a
 * comma-separated list when a service runs as several replicas, which the gateway balances over
 * ({@link UpstreamTargets}).
 */
@ConfigurationProperties("portal.services")
record ServiceAddressProperties(List<URI> identityUrl, List<URI> ordersUrl, List<URI> settlementUrl, List<URI> webhooksUrl,
                        List<URI> notificationUrl) {

    List<URI> of(Upstream upstream) {
        return Map.of(Upstream.IDENTITY, identityUrl, Upstream.ORDERS, ordersUrl, Upstream.SETTLEMENT, settlementUrl,
                Upstream.WEBHOOKS, webhooksUrl, Upstream.NOTIFICATION, notificationUrl).get(upstream);
    }
}
