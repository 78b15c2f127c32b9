package com.partnersportal.gateway.proxy;

import com.partnersportal.gateway.route.Upstream;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code portal.services.<name>-url}: where each service answers (the local run and compose set them). */
@ConfigurationProperties("portal.services")
record ServiceAddresses(URI identityUrl, URI ordersUrl, URI settlementUrl, URI webhooksUrl, URI notificationUrl) {

    URI of(Upstream upstream) {
        return Map.of(Upstream.IDENTITY, identityUrl, Upstream.ORDERS, ordersUrl, Upstream.SETTLEMENT, settlementUrl,
                Upstream.WEBHOOKS, webhooksUrl, Upstream.NOTIFICATION, notificationUrl).get(upstream);
    }
}
