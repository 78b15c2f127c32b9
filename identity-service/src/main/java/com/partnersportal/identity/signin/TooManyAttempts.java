package com.partnersportal.identity.signin;

import com.partnersportal.kit.problem.ApiProblem;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A 429 problem that also tells the client, in {@code Retry-After}, when to try again. */
class TooManyAttempts extends ApiProblem {

    private final long retryAfterSeconds;

    TooManyAttempts(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private TooManyAttempts(long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                "Too many failed sign-ins; try again in %d minute(s) or reset your password.".formatted((seconds + 59) / 60),
                Map.of("retry_after_seconds", seconds));
        this.retryAfterSeconds = seconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
