package com.partnersportal.gateway.route;

/** How strictly a route is limited per client address: signing in and activation links far more than the rest. */
public enum RateClass {
    STANDARD,
    SIGN_IN
}
