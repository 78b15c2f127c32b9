package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * Something changed about a user's second factor (TOTP authenticator and recovery codes): notification-service
 * mails the user, so that a change they did not make does not go unnoticed. Carries no secret.
 *
 * @param change                 one of the constants below
 * @param changedBy              who made the change when it was not the user (an admin's name or email); null otherwise
 * @param recoveryCodesRemaining unused recovery codes left after the change (0 when the factor is off)
 * @param clientAddress          the address the change was made from, as identity saw it
 */
public record SecondFactorChanged(
        UUID userId,
        UUID merchantId,
        String email,
        String fullName,
        String locale,
        String change,
        String changedBy,
        int recoveryCodesRemaining,
        String clientAddress,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.second-factor-changed.v1";

    /** The user enrolled an authenticator: the second factor is now on. */
    public static final String ENABLED = "enabled";
    /** The user replaced their authenticator with a new one (the old one no longer works). */
    public static final String REPLACED = "replaced";
    /** The user turned the second factor off. */
    public static final String DISABLED = "disabled";
    /** An admin removed the user's second factor (a lost device). */
    public static final String RESET = "reset";
    /** The user made new recovery codes; the earlier ones no longer work. */
    public static final String RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated";
    /** A recovery code was used to sign in (or to prove it was the user). */
    public static final String RECOVERY_CODE_USED = "recovery_code_used";
}
