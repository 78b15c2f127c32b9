package com.partnersportal.notification.recipients;

import com.partnersportal.identity.contract.Permission;
import java.util.Objects;
import java.util.UUID;

/**
 * Who at a merchant should receive a mail: its active users whose role grants {@code permission}, and, when
 * {@code legalEntityId} is given, who may see that legal entity. identity-service says who that is.
 */
public record Audience(UUID merchantId, Permission permission, UUID legalEntityId) {

    public Audience {
        Objects.requireNonNull(merchantId, "the event names no merchant");
        Objects.requireNonNull(permission, "permission");
    }

    public static Audience withPermission(UUID merchantId, Permission permission) {
        return new Audience(merchantId, permission, null);
    }

    public static Audience seeingEntity(UUID merchantId, Permission permission, UUID legalEntityId) {
        return new Audience(merchantId, permission, Objects.requireNonNull(legalEntityId, "the event names no legal entity"));
    }
}
