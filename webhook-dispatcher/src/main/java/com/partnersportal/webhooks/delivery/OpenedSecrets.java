package com.partnersportal.webhooks.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.webhooks.endpoint.EndpointSecrets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The endpoints' signing secrets and the merchants' notification tokens, opened once and kept while their stored form
 * is unchanged. Opening is an AES-GCM decryption per secret, and every attempt used to open them all again (ADR 21:
 * a fifth of the attempts' CPU). A rotated secret or token is stored sealed anew, does not match the kept one and is
 * opened then; one no attempt has needed for a while is dropped.
 */
final class OpenedSecrets {

    private static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private record Opened<T>(T sealed, T opened) {
    }

    private final SecretEncryption encryption;
    private final EndpointSecrets secrets;
    private final Cache<UUID, Opened<List<String>>> signing;
    private final Cache<UUID, Opened<String>> tokens;

    OpenedSecrets(SecretEncryption encryption, EndpointSecrets secrets, int maximumSize) {
        this.encryption = encryption;
        this.secrets = secrets;
        this.signing = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(KEPT_FOR).build();
        this.tokens = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(KEPT_FOR).build();
    }

    /** The message as it is sent: its endpoint's secrets opened (newest first), its sealed token dropped. */
    ClaimedMessage opened(ClaimedMessage m) {
        if (m.secrets().isEmpty()) {
            throw new IllegalStateException("endpoint " + m.endpointId() + " has no signing secret");
        }
        Opened<List<String>> kept = signing.getIfPresent(m.endpointId());
        if (kept == null || !kept.sealed().equals(m.secrets())) {
            kept = new Opened<>(m.secrets(), m.secrets().stream()
                    .map(secret -> open(secret, EndpointSecrets.secretBoundTo(m.endpointId()))).toList());
            signing.put(m.endpointId(), kept);
        }
        return new ClaimedMessage(m.id(), m.endpointId(), m.merchantId(), m.eventType(), m.orderId(), m.test(),
                m.payload(), m.attempts(), m.occurredAt(), m.url(), m.headers(), m.rateLimit(), m.maxConcurrency(),
                kept.opened(), null, m.claimedAt(), m.leaseExpired());
    }

    /** The merchant's notification token (made now if the merchant has none yet). */
    String notificationToken(ClaimedMessage m) {
        if (m.notificationToken() == null) {
            return secrets.notificationToken(m.merchantId());
        }
        Opened<String> kept = tokens.getIfPresent(m.merchantId());
        if (kept == null || !kept.sealed().equals(m.notificationToken())) {
            kept = new Opened<>(m.notificationToken(),
                    open(m.notificationToken(), EndpointSecrets.tokenBoundTo(m.merchantId())));
            tokens.put(m.merchantId(), kept);
        }
        return kept.opened();
    }

    private String open(String sealed, String boundTo) {
        return encryption.decrypt(Base64.getDecoder().decode(sealed), boundTo);
    }
}
