package com.partnersportal.identity.signin;

import com.partnersportal.kit.problem.ApiProblem;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A locked account or address: 429 with {@code Retry-After}, wherever the lock was checked (sign-in, its second step,
 * or a signed-in user proving it is them again).
 */
class TooManyAttempts extends ApiProblem {

    TooManyAttempts(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private TooManyAttempts(long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                "Too many failed sign-ins; try again in %d minute(s) or reset your password.".formatted((seconds + 59) / 60),
                Map.of("retry_after_seconds", seconds), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
