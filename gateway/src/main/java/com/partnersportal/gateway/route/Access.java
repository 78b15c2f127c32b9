package com.partnersportal.gateway.route;

import com.partnersportal.identity.contract.Permission;

/**
 * Who may call a route: anyone (sign-in, activation, signed download links), a merchant system with its API
 * token (Tamara's merchant API), any signed-in portal user, a portal user holding one permission, or one of the
 * provider's operators.
 */
public record Access(Kind kind, Permission permission) {

    public enum Kind {
        OPEN,
        MERCHANT_API,
        SIGNED_IN,
        PERMISSION,
        OPERATOR
    }

    public static Access open() {
        return new Access(Kind.OPEN, null);
    }

    public static Access merchantApi() {
        return new Access(Kind.MERCHANT_API, null);
    }

    public static Access signedIn() {
        return new Access(Kind.SIGNED_IN, null);
    }

    public static Access permission(Permission permission) {
        return new Access(Kind.PERMISSION, permission);
    }

    public static Access operator() {
        return new Access(Kind.OPERATOR, null);
    }

    /** As the docs' route table writes it. */
    public String describe() {
        return switch (kind) {
            case OPEN -> "open";
            case MERCHANT_API -> "merchant API token";
            case SIGNED_IN -> "any signed-in user";
            case PERMISSION -> permission.code();
            case OPERATOR -> "operator";
        };
    }
}
