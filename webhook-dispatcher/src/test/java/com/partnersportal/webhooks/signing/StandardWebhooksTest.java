package com.partnersportal.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.secrets.SecretEncryption;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks libraries' own conformance vectors (libraries/go/webhook_test.go and the other languages). */
class StandardWebhooksTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsThePublishedVector() {
        assertThat(StandardWebhooks.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretWithoutItsPrefixIsTheSameKey() {
        assertThat(StandardWebhooks.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", MSG_ID, TIMESTAMP, PAYLOAD))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theVectorsInvalidSignatureIsRefusedAndAValidOneAmongOthersIsAccepted() {
        String valid = StandardWebhooks.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD);
        assertThat(StandardWebhooks.verify(SECRET, MSG_ID, TIMESTAMP, PAYLOAD,
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=")).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, MSG_ID, TIMESTAMP, PAYLOAD, String.join(" ",
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
                valid, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="))).isTrue();
    }

    @Test
    void aChangedBodyIdOrTimestampFails() {
        String valid = StandardWebhooks.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD);
        assertThat(StandardWebhooks.verify(SECRET, MSG_ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(), valid)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, "msg_other", TIMESTAMP, PAYLOAD, valid)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, MSG_ID, TIMESTAMP + 1, PAYLOAD, valid)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSign() {
        String old = StandardWebhooks.newSecret();
        String fresh = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signatureHeader(List.of(fresh, old), MSG_ID, TIMESTAMP, PAYLOAD);
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(StandardWebhooks.verify(old, MSG_ID, TIMESTAMP, PAYLOAD, header)).isTrue();
        assertThat(StandardWebhooks.verify(fresh, MSG_ID, TIMESTAMP, PAYLOAD, header)).isTrue();
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theTamaraTokenIsAnHs256JwtOfTheNotificationTokenValidFor900Seconds() throws Exception {
        String notificationToken = "a-merchant-notification-token-of-enough-length-1234";
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        SignedJWT jwt = SignedJWT.parse(TamaraToken.issue(notificationToken, now));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(notificationToken.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("Tamara");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(900));
    }

    @Test
    void secretsAreEncryptedAtRestAndOpenAgain() {
        SecretEncryption encryption = SecretEncryption.configured(Base64.getEncoder().encodeToString(new byte[32]),
                List.of(), null, "portal.webhooks.secret-key", DeploymentMode.PRODUCTION);
        String sealed = new String(encryption.encrypt(SECRET, "endpoint-1"), StandardCharsets.ISO_8859_1);
        assertThat(sealed).startsWith("v2:").doesNotContain("MfKQ9r8");
        assertThat(encryption.encrypt(SECRET, "endpoint-1")).isNotEqualTo(sealed.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(encryption.decrypt(sealed.getBytes(StandardCharsets.ISO_8859_1), "endpoint-1")).isEqualTo(SECRET);
    }
}
