package com.partnersportal.kit.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Which handler takes which event type, and the payload class each type is read into. */
public final class EventRoutes {

    private final Map<String, Route<?>> routes;

    private EventRoutes(Map<String, Route<?>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    java.util.Set<String> types() {
        return routes.keySet();
    }

    Optional<Route<?>> routeFor(String type) {
        return Optional.ofNullable(routes.get(type));
    }

    /** A handler that also needs the event's attributes, for example to record which event id caused its effect. */
    @FunctionalInterface
    public interface EventHandler<T> {
        void handle(T payload, InboundEvent event);
    }

    record Route<T>(Class<T> payloadType, EventHandler<T> handler) {
        void deliver(T payload, InboundEvent event) {
            handler.handle(payload, event);
        }
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new HashMap<>();

        public <T> Builder on(String type, Class<T> payloadType, Consumer<T> handler) {
            return onEvent(type, payloadType, (payload, event) -> handler.accept(payload));
        }

        /** As {@link #on}, for a handler that also needs the event's attributes (its id, say). */
        public <T> Builder onEvent(String type, Class<T> payloadType, EventHandler<T> handler) {
            routes.put(type, new Route<>(payloadType, handler));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
