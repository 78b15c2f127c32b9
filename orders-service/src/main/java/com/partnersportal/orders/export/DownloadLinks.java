package com.partnersportal.orders.export;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited download links for finished exports, as mailed to the user: the export id and expiry signed with
 * HMAC-SHA256, so that the link works from a mail client without a session and cannot be stretched or pointed
 * at another export.
 */
final class DownloadLinks {

    private final String publicBaseUrl;
    private final byte[] secret;

    DownloadLinks(String publicBaseUrl, String secret) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String linkFor(UUID exportId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return "%s/downloads/order-exports/%s?expires=%d&signature=%s".formatted(publicBaseUrl, exportId, expires,
                signature(exportId, expires));
    }

    boolean verifies(UUID exportId, long expires, String signature) {
        return signature != null && MessageDigest.isEqual(
                signature(exportId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID exportId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((exportId + "." + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
