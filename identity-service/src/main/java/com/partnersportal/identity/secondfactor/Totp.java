package com.partnersportal.identity.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps.
 * A code is accepted for the current step and one step either side, so a phone whose clock is up to 30 s off still
 * works. Which step a code matched is what makes replay detection possible ({@link SecondFactors}).
 */
public final class Totp {

    /** What authenticator apps expect when the otpauth URI names nothing else. */
    public static final Totp AUTHENTICATOR_APPS = new Totp(Duration.ofSeconds(30), 6,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private static final int STEPS_EITHER_SIDE = 1;

    private final TimeBasedOneTimePasswordGenerator generator;
    private final Duration step;
    private final String keyAlgorithm;

    public Totp(Duration step, int digits, String hmacAlgorithm) {
        this.generator = new TimeBasedOneTimePasswordGenerator(step, digits, hmacAlgorithm);
        this.step = step;
        this.keyAlgorithm = hmacAlgorithm;
    }

    public int digits() {
        return generator.getPasswordLength();
    }

    public Duration step() {
        return step;
    }

    /** The time step an instant falls in (RFC 6238's T: seconds since the epoch over the step). */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), step.toSeconds());
    }

    /** The code for a step, zero-padded, in ASCII digits whatever the default locale. */
    public String code(byte[] secret, long timeStep) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, keyAlgorithm),
                    Instant.ofEpochSecond(timeStep * step.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a TOTP secret was refused as an HMAC key", e);
        }
    }

    /** The step near {@code now} whose code this is (the newest if several), if any. Compared in constant time. */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || code.length() != digits() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        OptionalLong matched = OptionalLong.empty();
        for (long candidate = current - STEPS_EITHER_SIDE; candidate <= current + STEPS_EITHER_SIDE; candidate++) {
            if (MessageDigest.isEqual(given, code(secret, candidate).getBytes(StandardCharsets.US_ASCII))) {
                matched = OptionalLong.of(candidate);
            }
        }
        return matched;
    }
}
