package com.partnersportal.orders.testing;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.UUID;
import org.springframework.http.HttpMethod;

/** Drives one merchant's orders through their life over the merchant API (an object mother with verbs). */
public final class Orders {

    /** A fresh service token of the sandbox tooling, as identity issues it to client {@code sandbox-tools} (5 minutes). */
    static String sandboxTools() {
        return TestAccessTokens.service("sandbox-tools", ServiceTokenClaims.Scopes.CHECKOUT_DECISIONS_WRITE);
    }

    private final OrdersApi api;
    private final UUID merchant;

    public Orders(OrdersApi api, UUID merchant) {
        this.api = api;
        this.merchant = merchant;
    }

    public UUID merchant() {
        return merchant;
    }

    /** A new order of {@code total} in the country's currency, one item, nothing else. */
    public UUID checkout(String reference, String country, String currency, String total) {
        OrdersApi.Answer answer = api.asMerchant(merchant, HttpMethod.POST, "/checkout",
                CheckoutBodies.order(reference, country, currency, total));
        if (answer.status() != 200) {
            throw new AssertionError("checkout failed: " + answer.raw());
        }
        return UUID.fromString(answer.text("order_id"));
    }

    public UUID saudiCheckout(String reference, String total) {
        return checkout(reference, "SA", "SAR", total);
    }

    public OrdersApi.Answer decide(UUID order, String decision) {
        return api.call(HttpMethod.POST, "/internal/orders/" + order + "/checkout-decision",
                "{\"decision\": \"" + decision + "\", \"declined_reason\": \"insufficient funds\","
                        + " \"declined_code\": \"D01\", \"decline_type\": \"soft\"}",
                java.util.Map.of("Authorization", "Bearer " + sandboxTools()));
    }

    public OrdersApi.Answer authorise(UUID order) {
        return api.asMerchant(merchant, HttpMethod.POST, "/orders/" + order + "/authorise", null);
    }

    /** Checked out, approved by the consumer and authorised by the merchant: ready to capture. */
    public UUID authorisedOrder(String reference, String country, String currency, String total) {
        UUID order = checkout(reference, country, currency, total);
        expectStatus(decide(order, "approved"), 200);
        expectStatus(authorise(order), 200);
        return order;
    }

    public UUID authorisedSaudiOrder(String reference, String total) {
        return authorisedOrder(reference, "SA", "SAR", total);
    }

    public OrdersApi.Answer capture(UUID order, String amount, String currency) {
        return api.asMerchant(merchant, HttpMethod.POST, "/payments/capture", """
                {"order_id": "%s", "total_amount": {"amount": %s, "currency": "%s"},
                 "shipping_info": {"shipped_at": "2026-11-20T10:00:00Z", "shipping_company": "SMSA",
                                   "tracking_number": "TRK-1", "tracking_url": "https://track.example/TRK-1"}}"""
                .formatted(order, amount, currency));
    }

    public OrdersApi.Answer refund(UUID order, String amount, String currency, String merchantRefundId) {
        return api.asMerchant(merchant, HttpMethod.POST, "/payments/simplified-refund/" + order, """
                {"total_amount": {"amount": %s, "currency": "%s"}, "comment": "Returned by the customer",
                 "merchant_refund_id": %s}"""
                .formatted(amount, currency, merchantRefundId == null ? "null" : "\"" + merchantRefundId + "\""));
    }

    public OrdersApi.Answer cancel(UUID order, String amount, String currency) {
        return api.asMerchant(merchant, HttpMethod.POST, "/orders/" + order + "/cancel",
                "{\"total_amount\": {\"amount\": %s, \"currency\": \"%s\"}}".formatted(amount, currency));
    }

    public OrdersApi.Answer get(UUID order) {
        return api.asMerchant(merchant, HttpMethod.GET, "/merchants/orders/" + order, null);
    }

    public static OrdersApi.Answer expectStatus(OrdersApi.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + answer.status() + ": " + answer.raw());
        }
        return answer;
    }
}
