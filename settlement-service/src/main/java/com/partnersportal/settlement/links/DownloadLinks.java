package com.partnersportal.settlement.links;

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
 * Signed, time-limited download links for mailed documents (report CSVs, invoice PDFs and XMLs): the path and the
 * expiry signed with HMAC-SHA256, so a link opens from a mail client without a session and cannot be stretched or
 * pointed at another document.
 */
public final class DownloadLinks {

    private final String publicBaseUrl;
    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    DownloadLinks(String publicBaseUrl, String secret, Duration ttl, Clock clock) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** When a link made now stops working. */
    public Instant expiry() {
        return clock.instant().plus(ttl);
    }

    /** An absolute link to {@code path} (which starts with {@code /downloads/settlement/}) valid until {@code expiresAt}. */
    public String link(String path, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return "%s%s?expires=%d&signature=%s".formatted(publicBaseUrl, path, expires, signature(path, expires));
    }

    public boolean verifies(String path, Long expires, String signature) {
        return expires != null && signature != null && MessageDigest.isEqual(
                signature(path, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expired(long expires) {
        return Instant.ofEpochSecond(expires).isBefore(clock.instant());
    }

    private String signature(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "." + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
