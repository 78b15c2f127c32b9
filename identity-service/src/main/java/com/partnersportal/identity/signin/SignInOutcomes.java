package com.partnersportal.identity.signin;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins and refreshes by outcome ({@code portal_identity_sign_ins_total{outcome=...}},
 * {@code portal_identity_refreshes_total{outcome=...}}), so that a guessing campaign or stolen refresh tokens
 * show on a dashboard.
 */
@Component
class SignInOutcomes {

    private final MeterRegistry meters;

    SignInOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code success}, {@code invalid_credentials}, {@code locked} or {@code disabled}. */
    void signIn(String outcome) {
        meters.counter("portal.identity.sign.ins", "outcome", outcome).increment();
    }

    /** {@code success}, or why the refresh token was refused ({@code reused}, {@code expired}, ...). */
    void refresh(String outcome) {
        meters.counter("portal.identity.refreshes", "outcome", outcome).increment();
    }
}
