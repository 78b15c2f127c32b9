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

    /**
     * {@code success}, {@code invalid_credentials}, {@code locked}, {@code disabled}, or a correct password that led
     * to the next step: {@code second_factor_required}, {@code enrolment_required}.
     */
    void signIn(String outcome) {
        meters.counter("portal.identity.sign.ins", "outcome", outcome).increment();
    }

    /**
     * The second step of a sign-in ({@code portal_identity_second_factor_checks_total{outcome=...}}): {@code accepted},
     * {@code invalid}, {@code replayed}, {@code recovery_code}, {@code recovery_code_invalid}, {@code locked},
     * {@code enrolled}. A rise of {@code invalid} or {@code replayed} is someone who knows a password guessing codes.
     */
    void secondFactor(String outcome) {
        meters.counter("portal.identity.second.factor.checks", "outcome", outcome).increment();
    }

    /** {@code success}, or why the refresh token was refused ({@code reused}, {@code expired}, ...). */
    void refresh(String outcome) {
        meters.counter("portal.identity.refreshes", "outcome", outcome).increment();
    }
}
