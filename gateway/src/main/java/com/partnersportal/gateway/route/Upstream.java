package com.partnersportal.gateway.route;

/** The services behind the gateway; their addresses come from {@code portal.services.<name>-url}. */
public enum Upstream {
    IDENTITY("identity"),
    ORDERS("orders"),
    SETTLEMENT("settlement"),
    WEBHOOKS("webhooks"),
    NOTIFICATION("notification");

    private final String key;

    Upstream(String key) {
        this.key = key;
    }

    /** As in configuration ({@code portal.services.orders-url}), metrics and logs. */
    public String key() {
        return key;
    }
}
