package com.partnersportal.kit.links;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, time-limited download links, as mailed to users (order exports, settlement reports, invoices): what the
 * link opens and its expiry signed with HMAC-SHA256, so the link works from a mail client without a session and
 * cannot be stretched or pointed at another document. The link is
 * {@code <public base URL><path>?expires=<epoch seconds>&signature=<hex HMAC of "<subject>.<expires>">}.
 */
public final class SignedLinks {

    private final String publicBaseUrl;
    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    SignedLinks(String publicBaseUrl, String secret, Duration ttl, Clock clock) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Links signed with {@code secret}; in a sandbox without one, with the sandbox's public {@code sandboxSecret}.
     * Production refuses to start without a secret of its own of 32 characters or more.
     *
     * @param property the property (and environment variable) that sets the secret, for the error
     */
    public static SignedLinks configured(String publicBaseUrl, String secret, String sandboxSecret, String property,
            Duration ttl, Clock clock, DeploymentMode mode) {
        String chosen = secret == null || secret.isBlank() ? null : secret;
        if (!mode.isSandbox() && (chosen == null || chosen.length() < 32 || sandboxSecret.equals(chosen))) {
            throw new IllegalStateException("Set " + property + " to 32+ random characters in production");
        }
        return new SignedLinks(publicBaseUrl, chosen == null ? sandboxSecret : chosen, ttl, clock);
    }

    /** When a link made now stops working. */
    public Instant expiry() {
        return clock.instant().plus(ttl);
    }

    /** An absolute link to {@code path}, signed over the path itself. */
    public String link(String path, Instant expiresAt) {
        return link(path, path, expiresAt);
    }

    /** An absolute link to {@code path}, signed over {@code subject} (what the link opens, e.g. its id). */
    public String link(String path, String subject, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return "%s%s?expires=%d&signature=%s".formatted(publicBaseUrl, path, expires, signature(subject, expires));
    }

    /** Whether the link's {@code expires} and {@code signature} were made here for {@code subject} (expired or not). */
    public boolean verifies(String subject, Long expires, String signature) {
        return expires != null && signature != null && MessageDigest.isEqual(
                signature(subject, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expired(long expires) {
        return Instant.ofEpochSecond(expires).isBefore(clock.instant());
    }

    /**
     * The signature alone over {@code subject}, for a link that lives as long as what it opens and carries no expiry
     * (the sandbox checkout page's {@code token}).
     */
    public String token(String subject) {
        return sign(subject);
    }

    /** Whether {@code token} is the one {@link #token} made here for {@code subject}. */
    public boolean tokenMatches(String subject, String token) {
        return token != null && MessageDigest.isEqual(sign(subject).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String subject, long expires) {
        return sign(subject + "." + expires);
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
