package com.partnersportal.identity.audit;

import com.partnersportal.kit.caller.Caller;

/** Who did something: a user, an operator, a merchant system (API token) or the service itself. */
public record Actor(String type, String id, String email) {

    public static Actor of(Caller caller) {
        return new Actor(caller.kind().wireName(), caller.actorId(), caller.email());
    }

    /** The service acting on its own (the sandbox's demo seed). */
    public static Actor system() {
        return new Actor("system", "identity-service", null);
    }
}
