package com.partnersportal.orders.checkout;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.orders.order.Order;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a checkout's consumer goes ({@code checkout_url}). In production, the checkout system's page for the
 * checkout id. In a sandbox, the portal's sandbox checkout page for the order, with a per-order token (service-kit's
 * {@link SignedLinks#token}, signed over the order id) that is the page's only credential: whoever has the link may
 * play the consumer, nobody else.
 */
@Component
public class CheckoutPages {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPages.class);
    private static final String SECRET_PROPERTY = "portal.checkout.sandbox.token-secret";

    private final boolean sandbox;
    private final String productionBaseUrl;
    private final String sandboxPageUrl;
    /** The sandbox's signer; production has none. */
    private final SignedLinks tokens;

    CheckoutPages(DeploymentProperties deployment, Clock clock,
            @Value("${portal.checkout.base-url}") String productionBaseUrl,
            @Value("${portal.checkout.sandbox.page-url}") String sandboxPageUrl,
            @Value("${" + SECRET_PROPERTY + ":}") String tokenSecret) {
        this.sandbox = deployment.environment().isSandbox();
        this.productionBaseUrl = withoutTrailingSlash(productionBaseUrl);
        this.sandboxPageUrl = withoutTrailingSlash(sandboxPageUrl);
        this.tokens = sandbox ? SignedLinks.configured(this.sandboxPageUrl, tokenSecret, randomSecret(tokenSecret),
                SECRET_PROPERTY, Duration.ZERO, clock, deployment.environment()) : null;
    }

    String urlFor(Order order) {
        return sandbox ? "%s/%s?token=%s".formatted(sandboxPageUrl, order.id(), tokens.token(subject(order.id())))
                : productionBaseUrl + "/" + order.checkoutId();
    }

    /** Whether a sandbox page's token is the one this order's checkout_url carries (never in production). */
    public boolean tokenMatches(UUID orderId, String token) {
        return sandbox && tokens.tokenMatches(subject(orderId), token);
    }

    private static String subject(UUID orderId) {
        return "sandbox-checkout." + orderId;
    }

    /** Used only when no secret is set: links then live as long as this process. */
    private static String randomSecret(String configured) {
        if (configured == null || configured.isBlank()) {
            log.info("{} is not set: sandbox checkout links are valid until restart (several replicas need it)",
                    SECRET_PROPERTY);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
