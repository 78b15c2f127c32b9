package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/** A user asked to reset their password. Carries the single-use reset secret for notification-service to mail. */
public record PasswordResetRequested(
        UUID userId,
        UUID merchantId,
        String email,
        String fullName,
        String locale,
        String resetToken,
        Instant expiresAt,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.password-reset-requested.v1";
}
