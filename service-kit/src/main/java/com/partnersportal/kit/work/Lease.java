package com.partnersportal.kit.work;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One claim of a worker pass: work claimed under it is the pass's until {@code until}, and only a write that names
 * {@code id} may record its outcome. Work whose holder died is due again once the lease ends.
 */
public record Lease(UUID id, Instant start, Instant until) {

    static Lease from(Instant now, Duration length) {
        return new Lease(UUID.randomUUID(), now, now.plus(length));
    }
}
