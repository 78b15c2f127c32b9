package com.partnersportal.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by an offset that can only grow: the sandbox's clock, so that a person, a
 * script or a test can see a timer fire or a week close without waiting. Production never has one.
 */
public class SandboxClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public synchronized Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        offset = offset.plus(by);
        return offset;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
