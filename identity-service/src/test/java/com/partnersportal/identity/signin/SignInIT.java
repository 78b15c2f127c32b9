package com.partnersportal.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.time.SandboxClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityIntegrationTest
class SignInIT {

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        MerchantFixture merchant = mother.merchant();
        Portal portal = mother.portal();

        Reply wrongPassword = portal.signIn(merchant.admin().email(), "Not-The-Password-1234");
        Reply unknownEmail = portal.signIn(IdentityMother.uniqueEmail("nobody"), "Not-The-Password-1234");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(wrongPassword.errorCode()).isEqualTo("invalid_credentials");
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void theEmailIsMatchedWhateverItsCaseAndSurroundingSpaces() {
        Member admin = mother.merchant().admin();

        Reply reply = mother.portal().signIn("  " + admin.email().toUpperCase() + " ", admin.password());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isEqualTo(900);
        assertThat(reply.headers().getCacheControl()).contains("no-store");
    }

    @Test
    void fiveFailuresLockTheAccountFor15MinutesEvenForTheRightPassword() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        for (int i = 0; i < 5; i++) {
            assertThat(portal.signIn(admin.email(), "Wrong-Password-" + i).status()).isEqualTo(401);
        }

        double lockedBefore = meters.counter("portal.identity.sign.ins", "outcome", "locked").count();
        Reply locked = portal.signIn(admin.email(), admin.password());
        Reply lockedElsewhere = mother.portal().signIn(admin.email(), admin.password());

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("too_many_attempts");
        long retryAfter = Long.parseLong(locked.headers().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(800L, 900L);
        assertThat(lockedElsewhere.status()).as("the lock is the account's, from any address").isEqualTo(429);
        assertThat(meters.counter("portal.identity.sign.ins", "outcome", "locked").count()).isEqualTo(lockedBefore + 2);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(portal.signIn(admin.email(), admin.password()).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresSlowDownBeforeTheLock() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        for (int i = 0; i < 4; i++) {
            portal.signIn(admin.email(), "Wrong-Password-" + i);
        }

        long started = System.nanoTime();
        Reply fifth = portal.signIn(admin.email(), "Wrong-Password-5");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fifth.status()).isEqualTo(401);
        assertThat(took).as("the fifth attempt waits 2 x 250 ms before it is even checked")
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anUnknownEmailLocksJustAsAKnownOneDoesSoALockRevealsNothing() {
        String nobody = IdentityMother.uniqueEmail("nobody");
        Portal portal = mother.portal();
        for (int i = 0; i < 5; i++) {
            portal.signIn(nobody, "Wrong-Password-" + i);
        }

        assertThat(portal.signIn(nobody, "Wrong-Password-x").status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInForgivesEarlierFailures() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        for (int i = 0; i < 4; i++) {
            portal.signIn(admin.email(), "Wrong-Password-" + i);
        }
        assertThat(portal.signIn(admin.email(), admin.password()).status()).isEqualTo(200);

        portal.signIn(admin.email(), "Wrong-Password-again");
        assertThat(portal.signIn(admin.email(), admin.password()).status()).isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryAccount() {
        Member admin = mother.merchant().admin();
        Portal attacker = mother.portal();
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.signIn(IdentityMother.uniqueEmail("guess"), "Wrong-Password-" + i).status())
                    .isEqualTo(401);
        }

        Reply fromThatAddress = attacker.signIn(admin.email(), admin.password());
        Reply fromAnother = mother.portal().signIn(admin.email(), admin.password());

        assertThat(fromThatAddress.status()).isEqualTo(429);
        assertThat(fromThatAddress.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(fromAnother.status()).isEqualTo(200);
    }

    @Test
    void aRefreshGivesANewPairAndTheOldRefreshTokenNoLongerWorks() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();

        Reply refreshed = portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", admin.refreshToken()));

        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().get("refresh_token").asString();
        String newAccess = refreshed.json().get("access_token").asString();
        assertThat(newRefresh).isNotEqualTo(admin.refreshToken());
        assertThat(portal.get("/portal/v1/roles", newAccess).status()).isEqualTo(200);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", newRefresh)).status())
                .isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();
        String stolen = admin.refreshToken();
        double reusesBefore = meters.counter("portal.identity.refreshes", "outcome", "reused").count();
        String legitimate = portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", stolen))
                .json().get("refresh_token").asString();

        Reply reuse = portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", stolen));

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.errorCode()).isEqualTo("invalid_refresh_token");
        assertThat(meters.counter("portal.identity.refreshes", "outcome", "reused").count())
                .as("operations see stolen refresh tokens").isEqualTo(reusesBefore + 1);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", legitimate)).status())
                .as("the newer token of the same session is revoked too").isEqualTo(401);
        assertThat(mother.signIn(admin.email(), admin.password()).accessToken())
                .as("signing in again starts a new session").isNotBlank();
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        Member admin = mother.merchant().admin();
        Portal portal = mother.portal();

        assertThat(portal.post("/auth/v1/sign-out", null, Portal.json("refresh_token", admin.refreshToken())).status())
                .isEqualTo(204);

        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", admin.refreshToken())).status())
                .isEqualTo(401);
        assertThat(portal.post("/auth/v1/sign-out", null, Portal.json("refresh_token", "never-issued")).status())
                .as("signing out twice or with junk is harmless").isEqualTo(204);
    }

    @Test
    void aRefreshTokenExpiresAfterItsLifetime() {
        Member admin = mother.merchant().admin();

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(mother.portal().post("/auth/v1/refresh", null, Portal.json("refresh_token", admin.refreshToken()))
                .status()).isEqualTo(401);
    }

    @Test
    void badSignInRequestsAreProblemDetails() {
        Portal portal = mother.portal();

        assertThat(portal.post("/auth/v1/sign-in", null, "{\"email\": ").errorCode()).isEqualTo("invalid_request_body");
        assertThat(portal.post("/auth/v1/sign-in", null, "{\"email\": [1], \"password\": \"x\"}").status())
                .isEqualTo(400);
        Reply missing = portal.post("/auth/v1/sign-in", null, Portal.json("email", "a@b.test"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("invalid_field");
        assertThat(portal.post("/auth/v1/sign-in", null,
                Portal.json("email", "a@b.test", "password", "x".repeat(5000))).status()).isEqualTo(400);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", "")).status()).isEqualTo(400);
    }
}
