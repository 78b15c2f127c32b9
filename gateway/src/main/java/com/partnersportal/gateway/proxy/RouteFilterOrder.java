package com.partnersportal.gateway.proxy;

/**
 * Where the gateway's filters sit in each route's chain. Spring Cloud Gateway sorts a route's filters together with
 * its global ones by order: ours run before it resolves the replica (10,150) and makes the call (last), so the guard
 * wraps both; after its response writer (-1), so a refusal is written by us, once.
 */
final class RouteFilterOrder {

    static final int PER_ADDRESS_LIMIT = 1;
    static final int ACCESS = 2;
    static final int PER_CALLER_LIMIT = 3;
    static final int GUARD = 4;
    /** The API docs' path rewrite, before the guard. */
    static final int REWRITE = 3;

    private RouteFilterOrder() {
    }
}
