package com.partnersportal.orders.contract;

/**
 * Who caused a change: a portal {@code user} (id = user id), a merchant system's {@code api_token} (id = token
 * id), the consumer's {@code checkout} decision, or the {@code system} itself (timers: expiry, auto-capture).
 */
public record Actor(String type, String id) {

    public static final String USER = "user";
    public static final String API_TOKEN = "api_token";
    public static final String CHECKOUT = "checkout";
    public static final String SYSTEM = "system";
}
