package com.partnersportal.kit.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of the work in progress, so that an event published later by the relay
 * continues the trace of the request that caused it.
 */
public class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current traceparent, or null outside any trace. */
    public String currentTraceparent() {
        if (tracer == null || propagator == null || tracer.currentTraceContext().context() == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(tracer.currentTraceContext().context(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }
}
