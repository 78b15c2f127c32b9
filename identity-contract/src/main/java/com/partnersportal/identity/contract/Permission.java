package com.partnersportal.identity.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, per page and function of the portal. Roles (built-in or a merchant's own) are sets of
 * these; access tokens carry them in the {@value AccessTokenClaims#PERMISSIONS} claim by {@link #code()}.
 */
public enum Permission {
    ORDERS_VIEW("orders.view"),
    ORDERS_CAPTURE("orders.capture"),
    ORDERS_REFUND("orders.refund"),
    ORDERS_CANCEL("orders.cancel"),
    ORDERS_EXPORT("orders.export"),
    SETTLEMENTS_VIEW("settlements.view"),
    INVOICES_VIEW("invoices.view"),
    INVOICES_EXPORT("invoices.export"),
    USERS_MANAGE("users.manage"),
    WEBHOOKS_MANAGE("webhooks.manage"),
    API_TOKENS_MANAGE("api_tokens.manage"),
    AUDIT_VIEW("audit.view"),
    /** The provider's own staff: register merchants and legal entities, move settlements, read notifications. */
    OPERATOR("operator");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The name on the wire and in tokens: {@code orders.refund}. */
    public String code() {
        return code;
    }

    public static Optional<Permission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
