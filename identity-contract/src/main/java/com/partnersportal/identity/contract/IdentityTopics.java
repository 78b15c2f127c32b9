package com.partnersportal.identity.contract;

/** Kafka topics owned by identity-service. The version in the name changes only with an incompatible payload. */
public final class IdentityTopics {

    /**
     * What happens to users: invited, activation re-issued, password reset requested, activated, role changed,
     * disabled, enabled, removed. Keyed by user id. Invitation and reset events carry a single-use secret for
     * notification-service to mail, so the topic's retention is short and only internal consumers read it.
     */
    public static final String USER_EVENTS = "identity.user-events.v1";

    /** Merchants and their legal entities, for the services that keep their own copy. Keyed by merchant id. */
    public static final String MERCHANT_EVENTS = "identity.merchant-events.v1";

    private IdentityTopics() {
    }
}
