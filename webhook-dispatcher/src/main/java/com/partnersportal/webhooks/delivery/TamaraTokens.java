package com.partnersportal.webhooks.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnersportal.webhooks.signing.TamaraToken;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Each merchant's {@link TamaraToken}, signed once a second. The JWT carries whole seconds, so every token issued
 * within one second with the same notification token is the same string: signing it again for each attempt (a
 * fifth of the attempts' CPU at a thousand a second, ADR 21) bought nothing.
 */
final class TamaraTokens {

    private record Issued(String notificationToken, long second, String jwt) {
    }

    private final Cache<UUID, Issued> issued;

    TamaraTokens(int maximumSize) {
        this.issued = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(Duration.ofSeconds(5)).build();
    }

    String issue(UUID merchantId, String notificationToken, Instant now) {
        long second = now.getEpochSecond();
        Issued last = issued.getIfPresent(merchantId);
        if (last != null && last.second() == second && last.notificationToken().equals(notificationToken)) {
            return last.jwt();
        }
        String jwt = TamaraToken.issue(notificationToken, Instant.ofEpochSecond(second));
        issued.put(merchantId, new Issued(notificationToken, second, jwt));
        return jwt;
    }
}
