package com.partnersportal.kit.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.deployment.DeploymentMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final String EXPORT = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c";
    private static final String REPORT = "/downloads/settlement/reports/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.csv";

    private final SignedLinks exports = SignedLinks.configured("http://127.0.0.1:8080/", null,
            "sandbox-only-export-link-secret", "portal.orders.exports.link-secret", Duration.ofDays(7), CLOCK,
            DeploymentMode.SANDBOX);
    private final SignedLinks settlement = SignedLinks.configured("http://127.0.0.1:8080", null,
            "sandbox-only-settlement-link-secret", "portal.settlement.downloads.link-secret", Duration.ofDays(14), CLOCK,
            DeploymentMode.SANDBOX);

    /** Signatures computed outside Java (Python's hmac), as the services' former DownloadLinks made them: mailed links keep working. */
    @Test
    void linksAlreadyMailedStillVerify() {
        assertThat(exports.verifies(EXPORT, 1764000000L,
                "3949632bf69fc51162af358e4c7a799270f11b11b393a6af0a1bdb17b8b01527")).isTrue();
        assertThat(settlement.verifies(REPORT, 1764000000L,
                "f35233f6933df1b7e4a0fdc7306dfd166c96f47783f501387035bbffd1bbf512")).isTrue();
    }

    @Test
    void aLinkNamesItsPathExpiryAndSignature() {
        assertThat(exports.link("/downloads/order-exports/" + EXPORT, EXPORT, Instant.ofEpochSecond(1764000000L)))
                .isEqualTo("http://127.0.0.1:8080/downloads/order-exports/" + EXPORT
                        + "?expires=1764000000&signature=3949632bf69fc51162af358e4c7a799270f11b11b393a6af0a1bdb17b8b01527");
        assertThat(settlement.link(REPORT, Instant.ofEpochSecond(1764000000L))).isEqualTo("http://127.0.0.1:8080" + REPORT
                + "?expires=1764000000&signature=f35233f6933df1b7e4a0fdc7306dfd166c96f47783f501387035bbffd1bbf512");
    }

    @Test
    void aLinkCannotBeStretchedNorPointedElsewhereNorSignedWithAnotherSecret() {
        String signature = "3949632bf69fc51162af358e4c7a799270f11b11b393a6af0a1bdb17b8b01527";
        assertThat(exports.verifies(EXPORT, 1764000001L, signature)).isFalse();
        assertThat(exports.verifies("7f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c", 1764000000L, signature)).isFalse();
        assertThat(settlement.verifies(EXPORT, 1764000000L, signature)).isFalse();
        assertThat(exports.verifies(EXPORT, null, signature)).isFalse();
        assertThat(exports.verifies(EXPORT, 1764000000L, null)).isFalse();
    }

    @Test
    void expiryIsTheClocksNowPlusTheLinksLifetime() {
        assertThat(settlement.expiry()).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(settlement.expired(Instant.parse("2026-11-24T09:59:59Z").getEpochSecond())).isTrue();
        assertThat(settlement.expired(Instant.parse("2026-11-24T10:00:00Z").getEpochSecond())).isFalse();
    }

    @Test
    void productionRefusesToStartWithoutASecretOfItsOwn() {
        for (String secret : new String[] {null, "", "too-short", "sandbox-only-export-link-secret"}) {
            assertThatThrownBy(() -> SignedLinks.configured("http://x", secret, "sandbox-only-export-link-secret",
                    "portal.orders.exports.link-secret", Duration.ofDays(7), CLOCK, DeploymentMode.PRODUCTION))
                    .hasMessageContaining("portal.orders.exports.link-secret");
        }
        assertThat(SignedLinks.configured("http://x", "a".repeat(32), "sandbox-only-export-link-secret",
                "portal.orders.exports.link-secret", Duration.ofDays(7), CLOCK, DeploymentMode.PRODUCTION)).isNotNull();
    }

    @Test
    void aTokenWithoutExpiryMatchesOnlyItsSubjectAndSecret() {
        String token = exports.token("sandbox-checkout." + EXPORT);

        assertThat(exports.tokenMatches("sandbox-checkout." + EXPORT, token)).isTrue();
        assertThat(exports.tokenMatches("sandbox-checkout.7f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c", token)).isFalse();
        assertThat(settlement.tokenMatches("sandbox-checkout." + EXPORT, token)).isFalse();
        assertThat(exports.tokenMatches("sandbox-checkout." + EXPORT, null)).isFalse();
        assertThat(exports.tokenMatches("sandbox-checkout." + EXPORT, token.substring(1))).isFalse();
    }
}
