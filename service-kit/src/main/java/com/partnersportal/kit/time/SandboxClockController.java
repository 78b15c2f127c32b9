package com.partnersportal.kit.time;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.servicecall.ServiceScope;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox only, never routed by the gateway, for a service token with scope {@code sandbox.clock}: {@code GET /internal/clock} tells the service's time and offset;
 * {@code POST /internal/clock/advance {"by": "PT72H"}} moves it forward.
 */
@RestController
class SandboxClockController {

    private final Clock clock;

    SandboxClockController(Clock clock) {
        this.clock = clock;
    }

    record ClockState(Instant now, Duration offset) {
    }

    record Advance(Duration by) {
    }

    @GetMapping("/internal/clock")
    @ServiceScope(ServiceTokenClaims.Scopes.SANDBOX_CLOCK)
    ClockState state() {
        return new ClockState(clock.instant(), sandboxClock().offset());
    }

    @PostMapping("/internal/clock/advance")
    @ServiceScope(ServiceTokenClaims.Scopes.SANDBOX_CLOCK)
    ClockState advance(@RequestBody Advance advance) {
        if (advance.by() == null || advance.by().isNegative() || advance.by().compareTo(Duration.ofDays(400)) > 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field",
                    "by must be an ISO-8601 duration between PT0S and P400D; the clock only moves forward.",
                    Map.of("field", "by"));
        }
        sandboxClock().advance(advance.by());
        return state();
    }

    /** Production's clock cannot be moved, and this endpoint does not exist there. */
    private SandboxClock sandboxClock() {
        if (clock instanceof SandboxClock sandbox) {
            return sandbox;
        }
        throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No such endpoint.");
    }
}
