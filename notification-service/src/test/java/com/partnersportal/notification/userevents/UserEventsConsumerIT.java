package com.partnersportal.notification.userevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.MailServer;
import com.partnersportal.notification.testing.NotificationTestContextCustomizerFactory;
import com.partnersportal.notification.testing.ReceivedMail;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.notification.testing.NotificationConsumerContract;
import com.partnersportal.testsupport.TopicReader;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Invitations, re-issued activation links and password resets from identity-service arrive as mails, once. */
class UserEventsConsumerIT extends NotificationConsumerContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PORTAL = NotificationTestContextCustomizerFactory.PORTAL_URL;
    private static final Instant EXPIRES = Instant.parse("2026-11-27T11:00:00Z");

    @Override
    protected String topic() {
        return IdentityTopics.USER_EVENTS;
    }

    @Override
    protected String eventType() {
        return UserInvited.TYPE;
    }


    /** Mails recorded for events about this user. */
    @Override
    protected long effectsOf(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN processed_event e ON e.event_id = n.event_id
                        WHERE e.consumer = 'notification-service' AND e.subject = :user""")
                .param("user", userId.toString()).query(Long.class).single();
    }

    @Test
    void anInvitationArrivesWithTheActivationLinkOnTheConfiguredPortal() {
        String address = address();
        String token = token();
        UUID user = UUID.randomUUID();
        double sentBefore = sent("user-invited");

        String eventId = events.publish(topic(), user, UserInvited.TYPE, invited(user, address, "Noura Al-Harbi", "en", token, false));

        ReceivedMail mail = awaitOneMailTo(address);
        String link = PORTAL + "/activate?token=" + token;
        assertThat(mail.subject()).isEqualTo("You are invited to the Partners Portal");
        assertThat(mail.from()).isEqualTo("Partners Portal <no-reply@partners-portal.local>");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.header("Content-Language")).isEqualTo("en");
        assertThat(mail.html()).contains("<html lang=\"en\" dir=\"ltr\">").contains("href=\"" + link + "\"")
                .contains("Hello Noura Al-Harbi,").contains("27 November 2026, 14:00");
        assertThat(mail.text()).contains(link).contains("Hello Noura Al-Harbi,");

        StoredNotifications.Row record = awaitSent(address);
        assertThat(record.kind()).isEqualTo("user-invited");
        assertThat(record.language()).isEqualTo("en");
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.eventId()).isEqualTo(eventId);
        assertThat(record.sentAt()).isNotNull();
        assertThat(mail.header("Message-ID")).isEqualTo("<" + record.id() + "@partners-portal.local>");
        await().atMost(PATIENCE).until(() -> sent("user-invited") >= sentBefore + 1);
    }

    @Test
    void anArabicSpeakerGetsTheInvitationInArabicWrittenRightToLeftWithAPlainTextPart() {
        String address = address();
        String token = token();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, UserInvited.TYPE, invited(user, address, "نورة الحربي", "ar-SA", token, false));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("دعوة للانضمام إلى بوابة الشركاء");
        assertThat(mail.header("Content-Language")).isEqualTo("ar");
        assertThat(mail.html()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("مرحباً نورة الحربي،")
                .contains("href=\"" + PORTAL + "/activate?token=" + token + "\"");
        assertThat(mail.text()).contains("مرحباً نورة الحربي،").contains(PORTAL + "/activate?token=" + token);
        assertThat(awaitSent(address).language()).isEqualTo("ar");
    }

    @Test
    void aReissuedActivationLinkSaysTheEarlierOnesNoLongerWork() {
        String address = address();
        String token = token();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, UserInvited.TYPE, invited(user, address, "Noura", "en", token, true));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("Your new Partners Portal activation link");
        assertThat(mail.text()).contains("Links sent to you earlier no longer work").contains(PORTAL + "/activate?token=" + token);
        assertThat(awaitSent(address).kind()).isEqualTo("activation-reissued");
    }

    @Test
    void aPasswordResetMailLinksToTheResetPage() {
        String address = address();
        String token = token();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, PasswordResetRequested.TYPE, new PasswordResetRequested(user, UUID.randomUUID(),
                address, "Noura", "en", token, EXPIRES, Instant.now()));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("Reset your Partners Portal password");
        assertThat(mail.html()).contains("href=\"" + PORTAL + "/reset-password?token=" + token + "\"");
        assertThat(mail.text()).contains(PORTAL + "/reset-password?token=" + token).contains("your password stays as it is");
        assertThat(awaitSent(address).kind()).isEqualTo("password-reset");
    }

    @Test
    void turningOnTwoStepVerificationIsMailedWithWhenAndFromWhereAndALinkToTheSecurityPage() {
        String address = address();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, SecondFactorChanged.TYPE, secondFactor(user, address, "en",
                SecondFactorChanged.ENABLED, null, 10));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("Two-step verification is on for your Partners Portal account");
        assertThat(mail.html()).contains("Hello Noura,").contains("href=\"" + PORTAL + "/portal/security\"")
                .contains("27 November 2026, 14:00").contains("203.0.113.7");
        assertThat(mail.text()).contains("authenticator app").contains("If this was not you, reset your password")
                .contains(PORTAL + "/portal/security");
        assertThat(awaitSent(address).kind()).isEqualTo("second-factor-enabled");
    }

    @Test
    void anAdminResetIsMailedInArabicNamingTheAdmin() {
        String address = address();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, SecondFactorChanged.TYPE, secondFactor(user, address, "ar",
                SecondFactorChanged.RESET, "admin@shop.example", 0));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("أزال أحد المسؤولين التحقق بخطوتين من حسابك");
        assertThat(mail.header("Content-Language")).isEqualTo("ar");
        assertThat(mail.html()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("admin@shop.example");
        assertThat(mail.text()).contains("أزال admin@shop.example");
        assertThat(awaitSent(address).kind()).isEqualTo("second-factor-reset");
    }

    @Test
    void aUsedRecoveryCodeIsMailedWithHowManyAreLeftAndAWarningWhenFew() {
        String plenty = address();
        String few = address();

        events.publish(topic(), UUID.randomUUID(), SecondFactorChanged.TYPE, secondFactor(UUID.randomUUID(), plenty,
                "en", SecondFactorChanged.RECOVERY_CODE_USED, null, 9));
        events.publish(topic(), UUID.randomUUID(), SecondFactorChanged.TYPE, secondFactor(UUID.randomUUID(), few,
                "en", SecondFactorChanged.RECOVERY_CODE_USED, null, 1));

        ReceivedMail first = awaitOneMailTo(plenty);
        assertThat(first.subject()).isEqualTo("A recovery code was used to sign in to your account");
        assertThat(first.text()).contains("Recovery codes left: 9.").doesNotContain("Few are left");
        assertThat(awaitOneMailTo(few).text()).contains("Recovery codes left: 1.").contains("Few are left");
    }

    @Test
    void everyKindOfSecondFactorChangeHasItsOwnMail() {
        List<String> changes = List.of(SecondFactorChanged.REPLACED, SecondFactorChanged.DISABLED,
                SecondFactorChanged.RECOVERY_CODES_REGENERATED);
        List<String> kinds = List.of("second-factor-replaced", "second-factor-disabled", "recovery-codes-regenerated");
        for (int i = 0; i < changes.size(); i++) {
            String address = address();
            UUID user = UUID.randomUUID();
            events.publish(topic(), user, SecondFactorChanged.TYPE, secondFactor(user, address, "en", changes.get(i),
                    null, 10));
            assertThat(awaitOneMailTo(address).text()).contains(PORTAL + "/portal/security");
            assertThat(awaitSent(address).kind()).isEqualTo(kinds.get(i));
        }
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() {
        String address = address();
        UUID user = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        UserInvited invitation = invited(user, address, "Noura", "en", token(), false);
        double duplicatesBefore = duplicates();

        events.publish(topic(), user, eventId, UserInvited.TYPE, invitation);
        events.publish(topic(), user, eventId, UserInvited.TYPE, invitation);

        await().atMost(PATIENCE).until(() -> duplicates() == duplicatesBefore + 1);
        awaitSent(address);
        assertThat(MailServer.mailsTo(address)).hasSize(1);
        assertThat(stored.to(address)).hasSize(1);
    }

    @Test
    void hostileNamesAreEscapedInTheHtmlMail() {
        String address = address();
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, UserInvited.TYPE, invited(user, address, hostile, "en", token(), false));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.subject()).isEqualTo("You are invited to the Partners Portal");
    }

    @Test
    void theTokenIsNeverLoggedAndNotKeptOnceTheMailIsSent(CapturedOutput output) {
        String address = address();
        String token = token();
        UUID user = UUID.randomUUID();

        events.publish(topic(), user, UserInvited.TYPE, invited(user, address, "Noura", "en", token, false));

        awaitOneMailTo(address);
        StoredNotifications.Row record = awaitSent(address);
        assertThat(record.htmlBody()).isNull();
        assertThat(record.textBody()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE concat_ws('|', subject, html_body, text_body, last_error) LIKE :token")
                .param("token", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(output.getAll()).contains(record.id().toString()).doesNotContain(token);
    }

    @Test
    void anInvitationWithoutAnAddressCannotBeMailedAndIsParkedOnTheDeadLetterTopic() {
        UUID user = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(brokers, deadLetterTopic())) {
            events.publish(topic(), user, UserInvited.TYPE, invited(user, " ", "Noura", "en", token(), false));

            deadLetters.awaitRecord(record -> user.toString().equals(record.key()), PATIENCE);
        }
        assertThat(effectsOf(user)).isZero();
    }

    static UserInvited invited(UUID user, String address, String name, String locale, String token, boolean reissued) {
        return new UserInvited(user, UUID.randomUUID(), address, name, locale, token, EXPIRES, reissued,
                UUID.randomUUID(), Instant.now());
    }

    static SecondFactorChanged secondFactor(UUID user, String address, String locale, String change, String changedBy,
            int remaining) {
        return new SecondFactorChanged(user, UUID.randomUUID(), address, "Noura", locale, change, changedBy, remaining,
                "203.0.113.7", EXPIRES);
    }

    private ReceivedMail awaitOneMailTo(String address) {
        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> MailServer.mailsTo(address), list -> !list.isEmpty());
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private StoredNotifications.Row awaitSent(String address) {
        return await().atMost(PATIENCE).until(() -> stored.to(address),
                rows -> rows.size() == 1 && "sent".equals(rows.getFirst().status())).getFirst();
    }

    private double sent(String kind) {
        Counter counter = meters.find("portal.notifications.sent").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private double duplicates() {
        Counter counter = meters.find("portal.events.duplicates").tag("consumer", "notification-service")
                .tag("event_type", UserInvited.TYPE).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String address() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Like identity's: 32 random bytes, base64url. */
    private static String token() {
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
