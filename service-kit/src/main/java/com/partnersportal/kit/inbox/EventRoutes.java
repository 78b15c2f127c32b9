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

    Optional<Route<?>> routeFor(String type) {
        return Optional.ofNullable(routes.get(type));
    }

    record Route<T>(Class<T> payloadType, Consumer<T> handler) {
        void deliver(T payload) {
            handler.accept(payload);
        }
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new HashMap<>();

        public <T> Builder on(String type, Class<T> payloadType, Consumer<T> handler) {
            routes.put(type, new Route<>(payloadType, handler));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
