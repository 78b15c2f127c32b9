package com.partnersportal.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.testing.Authenticator;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.testsupport.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Enrolling a TOTP authenticator, signing in with it, recovery codes, and what admins can require and reset. */
@IdentityIntegrationTest
class SecondFactorIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    private static final Duration ONE_STEP = Duration.ofSeconds(30);

    @Autowired
    IdentityMother mother;
    @Autowired
    SandboxClock clock;
    @Autowired
    MeterRegistry meters;

    /** A signed-in member who enrolled an authenticator from their security section, and their recovery codes. */
    record Enrolled(Member member, Authenticator authenticator, List<String> recoveryCodes) {
    }

    @Test
    void aUserEnrolsFromTheirSecuritySectionWithAQrCodeAndAFirstCode() {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, "finance");
        Portal portal = mother.portal();
        assertThat(portal.get("/portal/v1/me/second-factor", member.accessToken()).json().get("enabled").asBoolean())
                .isFalse();

        Reply wrongPassword = portal.post("/portal/v1/me/second-factor/enrolment", member.accessToken(),
                Portal.json("password", "Not-My-Password-123"));
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.errorCode()).isEqualTo("password_incorrect");

        Reply started = portal.post("/portal/v1/me/second-factor/enrolment", member.accessToken(),
                Portal.json("password", member.password()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.headers().getCacheControl()).contains("no-store");
        String secret = started.json().get("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        URI otpauth = URI.create(started.json().get("otpauth_uri").asString());
        assertThat(otpauth.getScheme()).isEqualTo("otpauth");
        assertThat(otpauth.getHost()).isEqualTo("totp");
        assertThat(otpauth.getPath()).isEqualTo("/Partners Portal:" + member.email());
        assertThat(otpauth.getQuery()).contains("secret=" + secret).contains("issuer=Partners Portal")
                .contains("digits=6").contains("period=30");
        assertThat(started.json().get("qr_code").asString()).startsWith("data:image/svg+xml;base64,");
        Authenticator authenticator = new Authenticator(secret);

        Reply wrongCode = portal.post("/portal/v1/me/second-factor/enrolment/confirmation", member.accessToken(),
                Portal.json("code", authenticator.wrongCodeAt(clock.instant())));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.errorCode()).isEqualTo("second_factor_code_invalid");
        assertThat(portal.get("/portal/v1/me/second-factor", member.accessToken()).json().get("enabled").asBoolean())
                .as("not on until a code confirms it").isFalse();

        Reply confirmed = portal.post("/portal/v1/me/second-factor/enrolment/confirmation", member.accessToken(),
                Portal.json("code", authenticator.codeAt(clock.instant())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        List<String> recoveryCodes = strings(confirmed.json().get("recovery_codes"));
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}"));

        JsonNode status = portal.get("/portal/v1/me/second-factor", member.accessToken()).json();
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("recovery_codes_remaining").asInt()).isEqualTo(10);
        assertThat(status.get("required_by_team").asBoolean()).isFalse();
        assertThat(mother.auditEntries(merchant.id(), "user.second_factor_enabled")).isEqualTo(1);
        assertThat(lastChange(member.userId())).containsEntry("change", SecondFactorChanged.ENABLED)
                .containsEntry("recovery_codes_remaining", 10);
    }

    @Test
    void theSecretIsEncryptedAndTheRecoveryCodesHashedAtRest() {
        Enrolled enrolled = enrolledMember(mother.merchant());

        Map<String, Object> factor = mother.row("SELECT id, secret_encrypted FROM second_factor WHERE user_id = :u",
                "u", enrolled.member().userId());
        String stored = new String((byte[]) factor.get("secret_encrypted"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(enrolled.authenticator().base32Secret());
        List<Map<String, Object>> codes = mother.rows("SELECT code_hash FROM recovery_code WHERE user_id = :u",
                "u", enrolled.member().userId());
        assertThat(codes).hasSize(10).allSatisfy(row -> assertThat((String) row.get("code_hash")).matches("[0-9a-f]{64}"));
        assertThat(codes.toString()).doesNotContain(enrolled.recoveryCodes().getFirst().replace("-", ""));
    }

    @Test
    void signingInAsksForTheCodeAndGivesTokensOnlyAfterIt() {
        Enrolled enrolled = enrolledMember(mother.merchant());
        Portal portal = mother.portal();
        clock.advance(ONE_STEP);

        Reply password = portal.signIn(enrolled.member().email(), enrolled.member().password());
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.json().has("access_token")).isFalse();
        assertThat(password.json().has("refresh_token")).isFalse();
        assertThat(password.json().get("next_step").asString()).isEqualTo("second_factor");
        String challenge = password.json().get("challenge_token").asString();

        Reply signedIn = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", challenge,
                "code", enrolled.authenticator().codeAt(clock.instant())));

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String access = signedIn.json().get("access_token").asString();
        assertThat(portal.get("/portal/v1/legal-entities", access).status()).isEqualTo(200);
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", challenge,
                "code", enrolled.authenticator().codeAt(clock.instant()))).errorCode())
                .as("a challenge completes one sign-in").isEqualTo("sign_in_challenge_invalid");
    }

    @Test
    void aCodeAlreadyUsedInItsTimeStepIsRefused() {
        Enrolled enrolled = enrolledMember(mother.merchant());
        Portal portal = mother.portal();
        // The code of the step before is accepted only while it is within one step of the service's time: the checks
        // below run early in a step, so that the sandbox clock (the real time plus an offset) does not turn over
        // between a code made here and the service checking it.
        toTheStartOfTheNextStep();
        String code = enrolled.authenticator().codeAt(clock.instant());
        double replaysBefore = meters.counter("portal.identity.second.factor.checks", "outcome", "replayed").count();
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "code", code)).status()).isEqualTo(200);

        Reply replay = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "code", code));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("second_factor_code_used");
        assertThat(meters.counter("portal.identity.second.factor.checks", "outcome", "replayed").count())
                .isEqualTo(replaysBefore + 1);
        Reply earlier = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "code",
                enrolled.authenticator().codeAt(clock.instant().minus(ONE_STEP))));
        assertThat(earlier.errorCode()).as("nor is the code of an earlier step").isEqualTo("second_factor_code_used");

        clock.advance(ONE_STEP);
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "code", enrolled.authenticator().codeAt(clock.instant())))
                .status()).as("the next step's code works").isEqualTo(200);
    }

    /** A second into the next time step (and so past the step the enrolment used). */
    private void toTheStartOfTheNextStep() {
        long intoStep = Math.floorMod(clock.instant().getEpochSecond(), ONE_STEP.toSeconds());
        clock.advance(ONE_STEP.minusSeconds(intoStep).plusSeconds(1));
    }

    @Test
    void ofTwoSignInsRacingWithTheSameCodeExactlyOneGetsTokens() throws Exception {
        Enrolled enrolled = enrolledMember(mother.merchant());
        clock.advance(ONE_STEP);
        String code = enrolled.authenticator().codeAt(clock.instant());
        List<String> challenges = List.of(challenge(mother.portal(), enrolled.member()),
                challenge(mother.portal(), enrolled.member()), challenge(mother.portal(), enrolled.member()));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(challenges.size())) {
            for (String challenge : challenges) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mother.portal().post("/auth/v1/sign-in/second-factor", null,
                            Portal.json("challenge_token", challenge, "code", code)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
        }
    }

    @Test
    void wrongCodesCountTowardsTheAccountLockEvenAcrossCorrectPasswords() {
        Enrolled enrolled = enrolledMember(mother.merchant());
        Portal portal = mother.portal();
        clock.advance(ONE_STEP);
        String wrong = enrolled.authenticator().wrongCodeAt(clock.instant());
        String challenge = challenge(portal, enrolled.member());
        for (int i = 0; i < 3; i++) {
            Reply refused = portal.post("/auth/v1/sign-in/second-factor", null,
                    Portal.json("challenge_token", challenge, "code", wrong));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("second_factor_code_invalid");
        }
        String again = challenge(portal, enrolled.member());
        for (int i = 0; i < 2; i++) {
            assertThat(portal.post("/auth/v1/sign-in/second-factor", null,
                    Portal.json("challenge_token", again, "code", wrong)).status()).isEqualTo(401);
        }

        Reply locked = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", again,
                "code", enrolled.authenticator().codeAt(clock.instant())));
        assertThat(locked.status()).as("five failures lock the account, the right code included").isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("too_many_attempts");
        assertThat(locked.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(mother.portal().signIn(enrolled.member().email(), enrolled.member().password()).status())
                .as("and the password step too, from any address").isEqualTo(429);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "code", enrolled.authenticator().codeAt(clock.instant())))
                .status()).isEqualTo(200);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndTheUserIsToldHowManyAreLeft() {
        MerchantFixture merchant = mother.merchant();
        Enrolled enrolled = enrolledMember(merchant);
        Portal portal = mother.portal();
        String code = enrolled.recoveryCodes().get(3);

        Reply signedIn = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json(
                "challenge_token", challenge(portal, enrolled.member()), "recovery_code", code.toUpperCase()));

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("access_token").asString()).isNotBlank();
        assertThat(signedIn.json().get("recovery_codes_remaining").asInt()).isEqualTo(9);
        Reply again = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json(
                "challenge_token", challenge(portal, enrolled.member()), "recovery_code", code));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.errorCode()).isEqualTo("recovery_code_invalid");
        assertThat(mother.auditEntries(merchant.id(), "user.recovery_code_used")).isEqualTo(1);
        assertThat(lastChange(enrolled.member().userId())).containsEntry("change", SecondFactorChanged.RECOVERY_CODE_USED)
                .containsEntry("recovery_codes_remaining", 9);
    }

    @Test
    void aChallengeExpiresAndNeedsEitherACodeOrARecoveryCode() {
        Enrolled enrolled = enrolledMember(mother.merchant());
        Portal portal = mother.portal();
        String challenge = challenge(portal, enrolled.member());

        Reply neither = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", challenge));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.errorCode()).isEqualTo("second_factor_code_required");
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", "forged",
                "code", "123456")).errorCode()).isEqualTo("sign_in_challenge_invalid");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Reply expired = portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token", challenge,
                "code", enrolled.authenticator().codeAt(clock.instant())));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("sign_in_challenge_invalid");
    }

    @Test
    void anAdminRequirementMakesAMemberWithoutOneEnrolBeforeAnyToken() {
        MerchantFixture merchant = mother.merchant();
        Member member = mother.member(merchant, "operations");
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();

        Reply notYet = portal.put("/portal/v1/security-settings", admin, Portal.json("second_factor_required", true));
        assertThat(notYet.status()).as("the admin enrols first").isEqualTo(409);
        assertThat(notYet.errorCode()).isEqualTo("second_factor_not_enrolled");
        enrol(portal, merchant.admin());
        Reply required = portal.put("/portal/v1/security-settings", admin, Portal.json("second_factor_required", true));
        assertThat(required.status()).as(required.body()).isEqualTo(200);
        assertThat(portal.get("/portal/v1/security-settings", admin).json().get("second_factor_required").asBoolean())
                .isTrue();
        assertThat(mother.auditEntries(merchant.id(), "merchant.second_factor_requirement_changed")).isEqualTo(1);

        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", member.refreshToken())).status())
                .as("a session started without a second factor is not refreshed").isEqualTo(401);
        Reply password = portal.signIn(member.email(), member.password());
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.json().has("access_token")).isFalse();
        assertThat(password.json().get("next_step").asString()).isEqualTo("enrolment");
        String challenge = password.json().get("challenge_token").asString();

        Reply started = portal.post("/auth/v1/sign-in/enrolment", null, Portal.json("challenge_token", challenge));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Authenticator authenticator = new Authenticator(started.json().get("secret").asString());
        assertThat(portal.post("/auth/v1/sign-in/enrolment/confirmation", null, Portal.json("challenge_token", challenge,
                "code", authenticator.wrongCodeAt(clock.instant()))).errorCode()).isEqualTo("second_factor_code_invalid");
        Reply confirmed = portal.post("/auth/v1/sign-in/enrolment/confirmation", null,
                Portal.json("challenge_token", challenge, "code", authenticator.codeAt(clock.instant())));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(strings(confirmed.json().get("recovery_codes"))).hasSize(10);
        String access = confirmed.json().get("access_token").asString();
        assertThat(portal.get("/portal/v1/me/second-factor", access).json().get("required_by_team").asBoolean()).isTrue();
        Reply turnOff = portal.post("/portal/v1/me/second-factor/disable", access, Portal.json("password",
                member.password(), "code", authenticator.codeAt(clock.instant().plus(ONE_STEP))));
        assertThat(turnOff.status()).isEqualTo(409);
        assertThat(turnOff.errorCode()).isEqualTo("second_factor_required_by_team");
        assertThat(portal.get("/portal/v1/users", admin).json().get("users").valueStream()
                .filter(user -> user.get("id").asString().equals(member.userId().toString())).findFirst().orElseThrow()
                .get("second_factor_enabled").asBoolean()).isTrue();
    }

    @Test
    void anAdminResetsTheFactorOfAMemberWhoLostTheirDeviceAndTheirSessionsEnd() {
        MerchantFixture merchant = mother.merchant();
        Enrolled enrolled = enrolledMember(merchant);
        Portal portal = mother.portal();
        String admin = merchant.admin().accessToken();

        Reply reset = portal.post("/portal/v1/users/" + enrolled.member().userId() + "/second-factor/reset", admin, null);

        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(portal.post("/auth/v1/refresh", null, Portal.json("refresh_token", enrolled.member().refreshToken()))
                .status()).isEqualTo(401);
        Reply password = portal.signIn(enrolled.member().email(), enrolled.member().password());
        assertThat(password.json().get("access_token").asString()).as("no second factor any more").isNotBlank();
        assertThat(mother.auditEntries(merchant.id(), "user.second_factor_reset")).isEqualTo(1);
        assertThat(lastChange(enrolled.member().userId())).containsEntry("change", SecondFactorChanged.RESET)
                .containsEntry("changed_by", merchant.admin().email());
        assertThat(portal.post("/portal/v1/users/" + enrolled.member().userId() + "/second-factor/reset", admin, null)
                .errorCode()).isEqualTo("second_factor_not_enrolled");
        assertThat(portal.post("/portal/v1/users/" + merchant.admin().userId() + "/second-factor/reset", admin, null)
                .errorCode()).isEqualTo("own_second_factor");
        MerchantFixture other = mother.merchant();
        assertThat(portal.post("/portal/v1/users/" + enrolled.member().userId() + "/second-factor/reset",
                other.admin().accessToken(), null).status()).as("another merchant's user").isEqualTo(404);
        Member viewer = mother.member(merchant, "viewer");
        assertThat(portal.post("/portal/v1/users/" + enrolled.member().userId() + "/second-factor/reset",
                viewer.accessToken(), null).status()).isEqualTo(403);
    }

    @Test
    void turningItOffOrReEnrollingNeedsThePasswordAndACode() {
        MerchantFixture merchant = mother.merchant();
        Enrolled enrolled = enrolledMember(merchant);
        Member member = enrolled.member();
        Portal portal = mother.portal();
        clock.advance(ONE_STEP);

        Reply withoutCode = portal.post("/portal/v1/me/second-factor/enrolment", member.accessToken(),
                Portal.json("password", member.password()));
        assertThat(withoutCode.errorCode()).isEqualTo("second_factor_code_required");
        Reply replaced = portal.post("/portal/v1/me/second-factor/enrolment", member.accessToken(),
                Portal.json("password", member.password(), "code", enrolled.authenticator().codeAt(clock.instant())));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        Authenticator newPhone = new Authenticator(replaced.json().get("secret").asString());
        assertThat(portal.post("/portal/v1/me/second-factor/enrolment/confirmation", member.accessToken(),
                Portal.json("code", newPhone.codeAt(clock.instant()))).status()).isEqualTo(200);
        assertThat(lastChange(member.userId())).containsEntry("change", SecondFactorChanged.REPLACED);
        clock.advance(ONE_STEP);
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, member), "code", enrolled.authenticator().codeAt(clock.instant()))).status())
                .as("the old phone's codes no longer work").isEqualTo(401);

        Reply wrongPassword = portal.post("/portal/v1/me/second-factor/disable", member.accessToken(),
                Portal.json("password", "Wrong-Password-123", "code", newPhone.codeAt(clock.instant())));
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.errorCode()).isEqualTo("password_incorrect");
        clock.advance(ONE_STEP);
        Reply off = portal.post("/portal/v1/me/second-factor/disable", member.accessToken(),
                Portal.json("password", member.password(), "code", newPhone.codeAt(clock.instant())));
        assertThat(off.status()).as(off.body()).isEqualTo(204);
        assertThat(portal.get("/portal/v1/me/second-factor", member.accessToken()).json().get("enabled").asBoolean())
                .isFalse();
        assertThat(mother.auditEntries(merchant.id(), "user.second_factor_disabled")).isEqualTo(1);
        assertThat(lastChange(member.userId())).containsEntry("change", SecondFactorChanged.DISABLED);
        assertThat(portal.signIn(member.email(), member.password()).json().get("access_token").asString()).isNotBlank();
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        MerchantFixture merchant = mother.merchant();
        Enrolled enrolled = enrolledMember(merchant);
        Portal portal = mother.portal();
        clock.advance(ONE_STEP);

        Reply regenerated = portal.post("/portal/v1/me/second-factor/recovery-codes", enrolled.member().accessToken(),
                Portal.json("password", enrolled.member().password(), "code",
                        enrolled.authenticator().codeAt(clock.instant())));

        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        List<String> fresh = strings(regenerated.json().get("recovery_codes"));
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "recovery_code", enrolled.recoveryCodes().getFirst())).errorCode())
                .isEqualTo("recovery_code_invalid");
        assertThat(portal.post("/auth/v1/sign-in/second-factor", null, Portal.json("challenge_token",
                challenge(portal, enrolled.member()), "recovery_code", fresh.getFirst())).status()).isEqualTo(200);
        assertThat(mother.auditEntries(merchant.id(), "user.recovery_codes_regenerated")).isEqualTo(1);
    }

    private Enrolled enrolledMember(MerchantFixture merchant) {
        Member member = mother.member(merchant, "finance");
        Enrolment enrolment = enrol(mother.portal(), member);
        return new Enrolled(member, enrolment.authenticator(), enrolment.recoveryCodes());
    }

    private record Enrolment(Authenticator authenticator, List<String> recoveryCodes) {
    }

    private Enrolment enrol(Portal portal, Member member) {
        Reply started = portal.post("/portal/v1/me/second-factor/enrolment", member.accessToken(),
                Portal.json("password", member.password()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Authenticator authenticator = new Authenticator(started.json().get("secret").asString());
        Reply confirmed = portal.post("/portal/v1/me/second-factor/enrolment/confirmation", member.accessToken(),
                Portal.json("code", authenticator.codeAt(clock.instant())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return new Enrolment(authenticator, strings(confirmed.json().get("recovery_codes")));
    }

    private static String challenge(Portal portal, Member member) {
        Reply password = portal.signIn(member.email(), member.password());
        assertThat(password.status()).as(password.body()).isEqualTo(200);
        assertThat(password.json().get("next_step").asString()).isEqualTo("second_factor");
        return password.json().get("challenge_token").asString();
    }

    private Map<String, Object> lastChange(UUID userId) {
        JsonNode event = mother.latestEvent(userId, SecondFactorChanged.TYPE);
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        event.properties().forEach(field -> fields.put(field.getKey(),
                field.getValue().isInt() ? (Object) field.getValue().asInt() : field.getValue().asString()));
        return fields;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
