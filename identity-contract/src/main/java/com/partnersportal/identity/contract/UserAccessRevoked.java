package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens a user holds stop working: every service and the gateway refuse the user's access tokens issued
 * before {@code notBefore} from the moment this event reaches them. Published when a user is disabled or removed,
 * signs out everywhere, changes their password, loses their second factor to an admin's reset, or has their role,
 * permissions or legal entities changed (they then refresh into a token with the new rights).
 *
 * @param notBefore access tokens issued ({@code iat}) before this instant are refused; a whole second, so that a
 *                  token issued in the same second as the change is refused too
 * @param reason    one of {@code disabled, removed, signed_out_everywhere, password_changed, second_factor_reset,
 *                  rights_changed}
 */
public record UserAccessRevoked(UUID userId, UUID merchantId, Instant notBefore, String reason, Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.user-access-revoked.v1";
}
