package com.partnersportal.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 (symmetric): {@code webhook-signature} is a space-separated list of {@code v1,<base64 HMAC-SHA256>}
 * over {@code <webhook-id>.<webhook-timestamp>.<body>}, one per secret in use; a secret is {@code whsec_} + base64 of
 * the key bytes.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new secret of 32 random bytes, as the receiver copies it: {@code whsec_...}. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The signature header for these secrets (newest first), each signing the same bytes. */
    public static String signatureHeader(List<String> secrets, String msgId, long timestamp, byte[] body) {
        List<String> parts = new ArrayList<>();
        for (String secret : secrets) {
            parts.add(sign(secret, msgId, timestamp, body));
        }
        return String.join(" ", parts);
    }

    /** {@code v1,<base64>} for one secret. */
    public static String sign(String secret, String msgId, long timestamp, byte[] body) {
        byte[] prefix = (msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update(prefix);
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any {@code v1} signature in the header matches, compared in constant time (the receiver's check). */
    public static boolean verify(String secret, String msgId, long timestamp, byte[] body, String header) {
        byte[] expected = sign(secret, msgId, timestamp, body).getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : header.split(" ")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
