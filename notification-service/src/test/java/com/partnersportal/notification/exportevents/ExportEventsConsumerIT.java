package com.partnersportal.notification.exportevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.kit.caller.Revocations;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.MailServer;
import com.partnersportal.notification.testing.ReceivedMail;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.notification.testing.NotificationConsumerContract;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.testsupport.IdentityEvents;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Finished and failed order exports are mailed to the user who asked for them, once. */
class ExportEventsConsumerIT extends NotificationConsumerContract {

    @Autowired
    Revocations revocations;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Override
    protected String topic() {
        return OrderTopics.EXPORT_EVENTS;
    }

    @Override
    protected String eventType() {
        return OrderExportReady.TYPE;
    }


    /** Mails recorded for events about this export. */
    @Override
    protected long effectsOf(UUID exportId) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN processed_event e ON e.event_id = n.event_id
                        WHERE e.consumer = 'notification-service' AND e.subject = :export""")
                .param("export", exportId.toString()).query(Long.class).single();
    }

    @Test
    void aFinishedExportIsMailedWithItsDownloadLinkAndWhenTheLinkExpires() {
        String address = address();
        UUID export = UUID.randomUUID();
        String download = "https://files.partners.test/exports/" + export + ".csv?signature=abc&expires=1764241200";

        events.publish(topic(), export, OrderExportReady.TYPE, ready(export, address, "en", download));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("Your orders export is ready");
        assertThat(mail.html()).contains("href=\"" + download.replace("&", "&amp;") + "\"")
                .contains("1,250 orders created from 1 November 2026 to 24 November 2026")
                .contains("The download link expires on 27 November 2026, 14:00 Arabian Standard Time");
        assertThat(mail.text()).contains(download).contains("27 November 2026, 14:00");
        assertThat(awaitFinished(address).kind()).isEqualTo("order-export-ready");
    }

    @Test
    void aFailedExportIsMailedInTheRequestersLanguageAndSaysSo() {
        String address = address();
        UUID export = UUID.randomUUID();

        events.publish(topic(), export, OrderExportFailed.TYPE, new OrderExportFailed(export, UUID.randomUUID(),
                UUID.randomUUID(), address, "نورة", "ar", "too many rows", Instant.now()));

        ReceivedMail mail = awaitOneMailTo(address);
        assertThat(mail.subject()).isEqualTo("تعذّر إنشاء ملف تصدير الطلبات");
        assertThat(mail.html()).contains("dir=\"rtl\"").contains("too many rows");
        assertThat(mail.text()).contains("تعذّر إنشاء ملف تصدير الطلبات الذي طلبته").contains("السبب: too many rows");
        assertThat(awaitFinished(address).kind()).isEqualTo("order-export-failed");
    }

    @Test
    void aDownloadLinkThatIsNotAWebAddressIsNeverMailed() {
        String address = address();
        UUID export = UUID.randomUUID();

        try (TopicReader deadLetters = new TopicReader(brokers, deadLetterTopic())) {
            events.publish(topic(), export, OrderExportReady.TYPE, ready(export, address, "en", "javascript:alert(document.cookie)"));

            deadLetters.awaitRecord(record -> export.toString().equals(record.key()), PATIENCE);
        }
        assertThat(stored.to(address)).isEmpty();
        assertThat(MailServer.mailsTo(address)).isEmpty();
    }

    @Test
    void anExportWhoseRequesterWasDisabledAfterItFinishedIsNotMailed() {
        String address = address();
        UUID export = UUID.randomUUID();
        UUID requester = UUID.randomUUID();
        Instant finished = Instant.now().minusSeconds(2);
        IdentityEvents.userAccessRevoked(brokers, requester, UUID.randomUUID(), "disabled");
        // Asked about the export's own instant: the revocation's limit is at most a second ahead of its publication,
        // so asking about "now" turns false again when the feed is slower than that.
        await().atMost(PATIENCE).until(() -> revocations.refuses(requester.toString(), finished));

        events.publish(topic(), export, OrderExportReady.TYPE, new OrderExportReady(export, UUID.randomUUID(), requester,
                address, "Noura", "en", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-24"), 165,
                "https://files.partners.test/exports/" + export + ".csv?signature=abc&expires=1764241200",
                Instant.parse("2026-11-27T11:00:00Z"), finished));

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE subject = :export")
                .param("export", export.toString()).query(Long.class).single() == 1);
        assertThat(stored.to(address)).isEmpty();
        assertThat(MailServer.mailsTo(address)).isEmpty();
    }

    private static OrderExportReady ready(UUID export, String address, String locale, String downloadUrl) {
        return new OrderExportReady(export, UUID.randomUUID(), UUID.randomUUID(), address, "Noura", locale,
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-24"), 1250, downloadUrl,
                Instant.parse("2026-11-27T11:00:00Z"), Instant.now());
    }

    private ReceivedMail awaitOneMailTo(String address) {
        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> MailServer.mailsTo(address), list -> !list.isEmpty());
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private StoredNotifications.Row awaitFinished(String address) {
        return await().atMost(PATIENCE).until(() -> stored.to(address),
                rows -> rows.size() == 1 && "sent".equals(rows.getFirst().status())).getFirst();
    }

    private static String address() {
        return "export-" + UUID.randomUUID() + "@example.com";
    }
}
