package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant admin added a user, or issued a new activation email (which voids the earlier link). Carries the
 * single-use activation secret so that notification-service can mail the link; identity keeps only its hash.
 */
public record UserInvited(
        UUID userId,
        UUID merchantId,
        String email,
        String fullName,
        String locale,
        String activationToken,
        Instant expiresAt,
        boolean reissued,
        UUID invitedBy,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.user-invited.v1";
}
