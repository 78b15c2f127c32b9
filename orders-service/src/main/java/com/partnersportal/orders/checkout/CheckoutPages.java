package com.partnersportal.orders.checkout;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.orders.order.Order;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a checkout's consumer goes ({@code checkout_url}). In production, the checkout system's page for the
 * checkout id. In a sandbox, the portal's sandbox checkout page for the order, with a per-order token (HMAC-SHA256
 * of the order id) that is the page's only credential: whoever has the link may play the consumer, nobody else.
 */
@Component
public class CheckoutPages {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPages.class);

    private final boolean sandbox;
    private final String productionBaseUrl;
    private final String sandboxPageUrl;
    private final byte[] tokenSecret;

    CheckoutPages(DeploymentProperties deployment, @Value("${portal.checkout.base-url}") String productionBaseUrl,
            @Value("${portal.checkout.sandbox.page-url}") String sandboxPageUrl,
            @Value("${portal.checkout.sandbox.token-secret:}") String tokenSecret) {
        this.sandbox = deployment.environment().isSandbox();
        this.productionBaseUrl = withoutTrailingSlash(productionBaseUrl);
        this.sandboxPageUrl = withoutTrailingSlash(sandboxPageUrl);
        this.tokenSecret = tokenSecret.isBlank() ? randomSecret() : tokenSecret.getBytes(StandardCharsets.UTF_8);
    }

    String urlFor(Order order) {
        return sandbox ? "%s/%s?token=%s".formatted(sandboxPageUrl, order.id(), tokenFor(order.id()))
                : productionBaseUrl + "/" + order.checkoutId();
    }

    /** Whether a sandbox page's token is the one this order's checkout_url carries (never in production). */
    public boolean tokenMatches(UUID orderId, String token) {
        return sandbox && token != null && MessageDigest.isEqual(tokenFor(orderId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String tokenFor(UUID orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("sandbox-checkout." + orderId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomSecret() {
        if (sandbox) {
            // Links then live as long as this process; several replicas need portal.checkout.sandbox.token-secret.
            log.info("portal.checkout.sandbox.token-secret is not set: sandbox checkout links are valid until restart");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
