package com.partnersportal.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B: 8-digit codes, 30-second steps, the three HMACs with their seeds. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void producesTheRfcTestVectors(long seconds, String sha1, String sha256, String sha512) {
        Instant time = Instant.ofEpochSecond(seconds);
        assertThat(code(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1, SHA1_SEED, time)).isEqualTo(sha1);
        assertThat(code(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256, SHA256_SEED, time))
                .isEqualTo(sha256);
        assertThat(code(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512, SHA512_SEED, time))
                .isEqualTo(sha512);
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotTwoStepsAway() {
        Totp totp = Totp.AUTHENTICATOR_APPS;
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = totp.stepAt(now);

        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), now)).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void refusesWhatIsNotSixAsciiDigits() {
        Totp totp = Totp.AUTHENTICATOR_APPS;
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        String code = totp.code(SHA1_SEED, totp.stepAt(now));

        assertThat(code).hasSize(6).containsOnlyDigits();
        assertThat(totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, code + "0", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, code.substring(1), now)).isEmpty();
        String arabicIndic = code.chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0')))
                .reduce("", String::concat);
        assertThat(totp.matchingStep(SHA1_SEED, arabicIndic, now)).isEmpty();
    }

    @Test
    void writesCodesInAsciiDigitsWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA-u-nu-arab"));
            assertThat(Totp.AUTHENTICATOR_APPS.code(SHA1_SEED, 1)).matches("[0-9]{6}");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static String code(String algorithm, byte[] seed, Instant time) {
        Totp totp = new Totp(Duration.ofSeconds(30), 8, algorithm);
        return totp.code(seed, totp.stepAt(time));
    }
}
