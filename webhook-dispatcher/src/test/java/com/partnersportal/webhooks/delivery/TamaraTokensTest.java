package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.partnersportal.webhooks.signing.TamaraToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TamaraTokensTest {

    private static final String TOKEN = "a-notification-token-of-at-least-thirty-two-bytes";
    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.250Z");

    private final TamaraTokens tokens = new TamaraTokens(100);
    private final UUID merchant = UUID.randomUUID();

    @Test
    void withinASecondTheTokenIsTheOneSigningWouldMakeAgain() throws Exception {
        String first = tokens.issue(merchant, TOKEN, AT);
        assertThat(tokens.issue(merchant, TOKEN, AT.plusMillis(700))).isSameAs(first);
        assertThat(first).isEqualTo(TamaraToken.issue(TOKEN, AT.plusMillis(700)));
        SignedJWT jwt = SignedJWT.parse(first);
        assertThat(jwt.verify(new MACVerifier(TOKEN.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:15:30Z"));
    }

    @Test
    void theNextSecondOrAnotherTokenOrMerchantSignsAfresh() throws Exception {
        String first = tokens.issue(merchant, TOKEN, AT);
        assertThat(tokens.issue(merchant, TOKEN, AT.plusSeconds(1))).isNotEqualTo(first);
        String rotated = TOKEN + "-rotated";
        String afterRotation = tokens.issue(merchant, rotated, AT.plusSeconds(1));
        assertThat(SignedJWT.parse(afterRotation).verify(new MACVerifier(rotated.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        String other = "another-merchants-notification-token-32-bytes";
        assertThat(SignedJWT.parse(tokens.issue(UUID.randomUUID(), other, AT))
                .verify(new MACVerifier(other.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }
}
