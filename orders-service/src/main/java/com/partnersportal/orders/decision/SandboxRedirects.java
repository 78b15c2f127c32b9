package com.partnersportal.orders.decision;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.order.MerchantUrls;
import com.partnersportal.orders.order.Order;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the sandbox checkout sends the consumer back: the merchant's success, failure or cancel URL from the
 * checkout, with {@code orderId} and {@code paymentStatus} (approved, declined, canceled) added as Tamara's checkout
 * adds them. Only absolute http(s) URLs are followed; anything else (a {@code javascript:} URL) is no redirect.
 */
final class SandboxRedirects {

    enum Outcome {
        APPROVED("approved"), DECLINED("declined"), CANCELED("canceled");

        private final String paymentStatus;

        Outcome(String paymentStatus) {
            this.paymentStatus = paymentStatus;
        }

        static Outcome of(String decision) {
            for (Outcome outcome : values()) {
                if (outcome.paymentStatus.equals(decision)) {
                    return outcome;
                }
            }
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field",
                    "decision must be approved, declined or canceled.", Map.of("field", "decision"));
        }
    }

    private SandboxRedirects() {
    }

    static String of(Order order, Outcome outcome) {
        MerchantUrls urls = order.merchantUrl();
        if (urls == null) {
            return null;
        }
        String target = switch (outcome) {
            case APPROVED -> urls.success();
            case DECLINED -> urls.failure();
            case CANCELED -> urls.cancel();
        };
        if (!isWebAddress(target)) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(target)
                .queryParam("orderId", order.id())
                .queryParam("paymentStatus", outcome.paymentStatus)
                .encode(StandardCharsets.UTF_8)
                .build()
                .toUriString();
    }

    private static boolean isWebAddress(String target) {
        if (target == null || target.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
