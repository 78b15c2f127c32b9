package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/** A merchant's API token was revoked: every service and the gateway refuse it from the moment this arrives. */
public record ApiTokenRevoked(UUID tokenId, UUID merchantId, Instant revokedAt) {

    public static final String TYPE = "com.partnersportal.identity.api-token-revoked.v1";
}
