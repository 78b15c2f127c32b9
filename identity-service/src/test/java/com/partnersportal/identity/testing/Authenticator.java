package com.partnersportal.identity.testing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * An authenticator app, written from RFC 6238 with the JDK's HMAC (independently of the service's own code): the
 * 6-digit code of a base32 secret for a moment.
 */
public record Authenticator(String base32Secret) {

    public String codeAt(Instant instant) {
        return codeForStep(Math.floorDiv(instant.getEpochSecond(), 30));
    }

    public String codeForStep(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return "%06d".formatted(binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that is none of the ones accepted around this moment. */
    public String wrongCodeAt(Instant instant) {
        long step = Math.floorDiv(instant.getEpochSecond(), 30);
        for (int candidate = 0; ; candidate++) {
            String code = "%06d".formatted(candidate);
            if (!code.equals(codeForStep(step - 1)) && !code.equals(codeForStep(step))
                    && !code.equals(codeForStep(step + 1))) {
                return code;
            }
        }
    }
}
