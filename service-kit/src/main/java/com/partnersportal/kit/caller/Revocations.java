package com.partnersportal.kit.caller;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's view of revoked access: per user the instant before which their access tokens no longer count,
 * per API token whether it was revoked. Fed from identity's user events ({@link RevocationFeed}); until the feed has
 * read everything published before this process started, the view is not {@link #loaded()} and callers with a token
 * are asked to retry rather than let in on rights that may be gone.
 */
public class Revocations {

    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Set<UUID> revokedTokens = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    /** A view with nothing revoked, loaded from the start: for tests and tools that verify tokens offline. */
    public static Revocations none() {
        Revocations none = new Revocations();
        none.loaded = true;
        return none;
    }

    public void userRevoked(String userId, Instant instant) {
        notBefore.merge(userId, instant, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    public void apiTokenRevoked(UUID tokenId) {
        revokedTokens.add(tokenId);
    }

    void markLoaded() {
        loaded = true;
    }

    public boolean loaded() {
        return loaded;
    }

    /** True when an access token of this user issued at {@code issuedAt} no longer counts. */
    public boolean refuses(String userId, Instant issuedAt) {
        Instant limit = notBefore.get(userId);
        return limit != null && (issuedAt == null || issuedAt.isBefore(limit));
    }

    public boolean refusesApiToken(UUID tokenId) {
        return tokenId != null && revokedTokens.contains(tokenId);
    }

    Optional<Instant> notBeforeOf(String userId) {
        return Optional.ofNullable(notBefore.get(userId));
    }
}
