package com.partnersportal.notification.webhookevents;

import static com.partnersportal.notification.testing.Mailbox.PATIENCE;
import static com.partnersportal.notification.testing.Mailbox.awaitOneMailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.IdentityService;
import com.partnersportal.notification.testing.IdentityService.Member;
import com.partnersportal.notification.testing.NotificationTestContextCustomizerFactory;
import com.partnersportal.notification.testing.ReceivedMail;
import com.partnersportal.notification.testing.RecipientLookupRows;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.notification.testing.NotificationConsumerContract;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.contract.WebhookTopics;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A disabled webhook endpoint is mailed, once, to the merchant's users who manage webhooks. */
class WebhookEventsConsumerIT extends NotificationConsumerContract {

    private static final String PORTAL = NotificationTestContextCustomizerFactory.PORTAL_URL;

    @Override
    protected String topic() {
        return WebhookTopics.ENDPOINT_EVENTS;
    }

    @Override
    protected String eventType() {
        return WebhookEndpointDisabled.TYPE;
    }


    @Override
    protected long effectsOf(UUID endpointId) {
        return lookups.about(endpointId.toString());
    }

    @Test
    void aFailingEndpointIsMailedToTheWebhookManagersWithWhyAndWhatWaits() {
        UUID merchant = UUID.randomUUID();
        Member developer = Member.named("Omar", "en");
        Member financeOnly = Member.named("Noura", "en");
        IdentityService.audience(merchant, Permission.WEBHOOKS_MANAGE, null, developer);
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, null, financeOnly);
        UUID endpoint = UUID.randomUUID();

        events.publish(topic(), endpoint, WebhookEndpointDisabled.TYPE, failing(endpoint, merchant));

        ReceivedMail mail = awaitOneMailTo(developer.email());
        assertThat(mail.subject()).isEqualTo("Webhook endpoint disabled: https://shop.example.com/hooks/tamara");
        assertThat(mail.html())
                .contains("We have stopped sending webhooks to this endpoint:")
                .contains("https://shop.example.com/hooks/tamara")
                .contains("Description: Order updates for the ERP")
                .contains("Every delivery to it has failed since 4 December 2026, 09:00 Arabian Standard Time.")
                .contains("The last error: HTTP 500")
                .contains("1,250 messages are waiting for it.")
                .contains("re-enable it in the Partners Portal: you will be offered to recover the waiting messages.")
                .contains("href=\"" + PORTAL + "/webhooks/endpoints/" + endpoint + "\"")
                .doesNotContain("href=\"https://shop.example.com");
        assertThat(mail.text()).contains("https://shop.example.com/hooks/tamara")
                .contains("The last error: HTTP 500")
                .contains("Open the endpoint in the portal: " + PORTAL + "/webhooks/endpoints/" + endpoint);
        await().atMost(PATIENCE).until(() -> "sent".equals(stored.single(developer.email()).status()));
        assertThat(stored.single(developer.email()).kind()).isEqualTo("webhook-endpoint-disabled");
        assertThat(stored.to(financeOnly.email())).isEmpty();
        assertThat(IdentityService.questionsAbout(merchant)).singleElement()
                .satisfies(question -> assertThat(question.getUrl()).isEqualTo(
                        "/internal/merchants/" + merchant + "/recipients?permission=webhooks.manage"));
    }

    @Test
    void anEndpointThatAnsweredGoneIsExplainedInArabic() {
        UUID merchant = UUID.randomUUID();
        Member developer = Member.named("عمر", "ar");
        IdentityService.audience(merchant, Permission.WEBHOOKS_MANAGE, null, developer);
        UUID endpoint = UUID.randomUUID();

        events.publish(topic(), endpoint, WebhookEndpointDisabled.TYPE, new WebhookEndpointDisabled(endpoint, merchant,
                "https://shop.example.com/hooks/old", null, "gone", null, "HTTP 410", 0, Instant.now()));

        ReceivedMail mail = awaitOneMailTo(developer.email());
        assertThat(mail.subject()).isEqualTo("تم إيقاف نقطة استقبال الويب هوك: https://shop.example.com/hooks/old");
        assertThat(mail.html()).contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("ردّت برمز 410 Gone، أي أن العنوان لم يعد يستقبل الويب هوك.")
                .contains("آخر خطأ: HTTP 410")
                .contains("لا توجد رسائل بانتظار الإرسال إليها.")
                .doesNotContain("الوصف");
        assertThat(mail.text()).contains("أعيدوا تفعيلها من بوابة الشركاء");
    }

    private static WebhookEndpointDisabled failing(UUID endpoint, UUID merchant) {
        return new WebhookEndpointDisabled(endpoint, merchant, "https://shop.example.com/hooks/tamara",
                "Order updates for the ERP", "failing_since", Instant.parse("2026-12-04T06:00:00Z"), "HTTP 500", 1250,
                Instant.now());
    }
}
