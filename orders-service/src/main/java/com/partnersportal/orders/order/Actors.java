package com.partnersportal.orders.order;

import com.partnersportal.kit.caller.Caller;
import com.partnersportal.orders.contract.Actor;

/** Who acts, as events and the timeline name them. */
public final class Actors {

    /** The checkout system deciding for the consumer. */
    public static final Actor CHECKOUT = new Actor(Actor.CHECKOUT, "checkout-decisions");
    /** The platform's own timers. */
    public static final Actor TIMERS = new Actor(Actor.SYSTEM, "order-timers");

    private Actors() {
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.kind().wireName(), caller.actorId());
    }
}
