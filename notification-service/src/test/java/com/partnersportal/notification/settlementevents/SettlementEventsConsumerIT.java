package com.partnersportal.notification.settlementevents;

import static com.partnersportal.notification.testing.Mailbox.PATIENCE;
import static com.partnersportal.notification.testing.Mailbox.awaitOneMailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.testing.EventPublisher;
import com.partnersportal.notification.testing.IdentityService;
import com.partnersportal.notification.testing.IdentityService.Member;
import com.partnersportal.notification.testing.MailServer;
import com.partnersportal.notification.testing.ReceivedMail;
import com.partnersportal.notification.testing.RecipientLookupRows;
import com.partnersportal.notification.testing.StoredNotifications;
import com.partnersportal.notification.testing.NotificationConsumerContract;
import com.partnersportal.settlement.contract.SettlementReportReady;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import com.partnersportal.settlement.contract.TaxNoteIssued;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import io.micrometer.core.instrument.Counter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ready settlement reports and issued tax invoices are mailed, once, to the merchant's users whom identity-service
 * names for the permission and the legal entity, each in their language.
 */
class SettlementEventsConsumerIT extends NotificationConsumerContract {

    private static final String DOWNLOADS = "https://portal.partners.test/downloads/settlement/";
    private static final String CSV = DOWNLOADS + "reports/r-1.csv?expires=1765656000&signature=abc";
    private static final String PDF = DOWNLOADS + "invoices/i-1.pdf?expires=1765656000&signature=def";
    private static final String XML = DOWNLOADS + "invoices/i-1.xml?expires=1765656000&signature=ghi";

    @Override
    protected String topic() {
        return SettlementTopics.SETTLEMENT_EVENTS;
    }

    @Override
    protected String eventType() {
        return SettlementReportReady.TYPE;
    }


    /** The report's event recorded for its recipients (the mails follow once identity-service has named them). */
    @Override
    protected long effectsOf(UUID reportId) {
        return lookups.about(reportId.toString());
    }

    @Test
    void aReadyReportIsMailedToTheUsersWhoSeeItsEntityEachInTheirLanguage() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        UUID uae = UUID.randomUUID();
        Member finance = Member.named("Noura Al-Harbi", "en");
        Member arabicFinance = Member.named("نورة الحربي", "ar-SA");
        Member uaeOnly = Member.named("Omar", "en");
        Member otherMerchants = Member.named("Sara", "en");
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, ksa, finance, arabicFinance);
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, uae, uaeOnly);
        IdentityService.audience(UUID.randomUUID(), Permission.SETTLEMENTS_VIEW, ksa, otherMerchants);
        UUID report = UUID.randomUUID();

        String eventId = events.publish(topic(), report, SettlementReportReady.TYPE,
                report(report, merchant, ksa, "not_settled", sar("1414.18"), LocalDate.parse("2026-12-02"), CSV));

        ReceivedMail english = awaitOneMailTo(finance.email());
        assertThat(english.subject()).isEqualTo("Settlement STL-KSA-2026-W48 for Noon Trading KSA: 1,414.18 SAR");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.html()).contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("Hello Noura Al-Harbi,")
                .contains("The settlement of Noon Trading KSA for 23 November 2026 – 29 November 2026 is ready.")
                .contains("Net payable: 1,414.18 SAR, expected on 2 December 2026.")
                .contains("Sales 1,530.00 SAR, refunds 100.00 SAR, fees 13.75 SAR, VAT 2.07 SAR.")
                .contains("href=\"" + CSV.replace("&", "&amp;") + "\"")
                .contains("Download the report (CSV)")
                .contains("The download link is valid until 13 December 2026, 23:00 Arabian Standard Time.")
                .doesNotContain("carried");
        assertThat(english.text()).contains("Download the report (CSV): " + CSV)
                .contains("Net payable: 1,414.18 SAR, expected on 2 December 2026.");

        ReceivedMail arabic = awaitOneMailTo(arabicFinance.email());
        assertThat(arabic.subject()).isEqualTo("كشف التسوية STL-KSA-2026-W48 لـ نون للتجارة السعودية: \u200E1,414.18 SAR");
        assertThat(arabic.header("Content-Language")).isEqualTo("ar");
        assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("text-align:right")
                .contains("مرحباً نورة الحربي،")
                .contains("كشف التسوية لـ نون للتجارة السعودية للفترة من 23 نوفمبر 2026 إلى 29 نوفمبر 2026 جاهز.")
                .contains("صافي المستحق: \u200E1,414.18 SAR، ومن المتوقع تحويله في 2 ديسمبر 2026.")
                .contains("<a dir=\"ltr\" href=\"" + CSV.replace("&", "&amp;") + "\"");
        assertThat(arabic.text()).contains("تنزيل الكشف (CSV): " + CSV);

        await().atMost(PATIENCE).until(() -> stored.to(finance.email()).size() == 1
                && "sent".equals(stored.single(arabicFinance.email()).status()));
        assertThat(stored.single(finance.email()).kind()).isEqualTo("settlement-report-ready");
        assertThat(stored.single(arabicFinance.email()).language()).isEqualTo("ar");
        assertThat(lookups.ofEvent(eventId)).get()
                .satisfies(lookup -> {
                    assertThat(lookup.status()).isEqualTo("resolved");
                    assertThat(lookup.recipients()).isEqualTo(2);
                    assertThat(lookup.forgotten()).as("the signed link is not kept").isTrue();
                });
        assertThat(MailServer.mailsTo(uaeOnly.email())).as("a user of another entity").isEmpty();
        assertThat(MailServer.mailsTo(otherMerchants.email())).as("a user of another merchant").isEmpty();
        assertThat(stored.to(uaeOnly.email())).isEmpty();
        assertThat(stored.to(otherMerchants.email())).isEmpty();
    }

    @Test
    void aCarriedForwardReportSaysNothingIsPaidAtTheCurrencysThreeDecimals() {
        UUID merchant = UUID.randomUUID();
        UUID kuwait = UUID.randomUUID();
        Member english = Member.named("Noura", "en");
        Member arabic = Member.named("نورة", "ar");
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, kuwait, english, arabic);
        UUID report = UUID.randomUUID();
        SettlementReportReady carried = new SettlementReportReady(report, merchant, kuwait, "Noon Trading Kuwait",
                "نون للتجارة الكويت", "STL-KW-2026-W48", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"),
                LocalDate.parse("2026-11-30"), "Asia/Kuwait", kwd("1250.5"), kwd("1265.000"), kwd("1.300"),
                kwd("0"), kwd("0"), kwd("-15.800"), "carried_forward", null, 12, CSV,
                Instant.parse("2026-12-13T20:00:00Z"), Instant.now());

        events.publish(topic(), report, SettlementReportReady.TYPE, carried);

        ReceivedMail mail = awaitOneMailTo(english.email());
        assertThat(mail.subject()).isEqualTo("Settlement STL-KW-2026-W48 for Noon Trading Kuwait: -15.800 KWD");
        assertThat(mail.html())
                .contains("Nothing is paid this period: -15.800 KWD is carried into your next settlement.")
                .contains("Sales 1,250.500 KWD, refunds 1,265.000 KWD, fees 1.300 KWD, VAT 0.000 KWD.")
                .doesNotContain("Net payable")
                .doesNotContain("expected on");
        assertThat(mail.text()).contains("Nothing is paid this period: -15.800 KWD is carried into your next settlement.");
        assertThat(awaitOneMailTo(arabic.email()).text())
                .contains("لا يوجد مبلغ مستحق لهذه الفترة: سيُرحّل مبلغ \u200E-15.800 KWD إلى التسوية القادمة.")
                .doesNotContain("ومن المتوقع تحويله");
    }

    @Test
    void anIssuedTaxInvoiceIsMailedToTheUsersWhoViewInvoicesOfItsEntity() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        Member accountant = Member.named("Noura", "en");
        Member arabicAccountant = Member.named("نورة", "ar");
        Member settlementsOnly = Member.named("Omar", "en");
        IdentityService.audience(merchant, Permission.INVOICES_VIEW, ksa, accountant, arabicAccountant);
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, ksa, settlementsOnly);
        UUID invoice = UUID.randomUUID();

        events.publish(topic(), invoice, TaxInvoiceIssued.TYPE, new TaxInvoiceIssued(invoice, "INV-2026-000042", merchant,
                ksa, "Noon Trading KSA", "نون للتجارة السعودية", "2026-11", LocalDate.parse("2026-12-01"), sar("1375.00"),
                sar("206.25"), sar("1581.25"), PDF, XML, Instant.parse("2026-12-15T09:00:00Z"), Instant.now()));

        ReceivedMail mail = awaitOneMailTo(accountant.email());
        assertThat(mail.subject()).isEqualTo("Tax invoice INV-2026-000042 for November 2026");
        assertThat(mail.html())
                .contains("Your tax invoice for November 2026’s fees is issued to Noon Trading KSA:"
                        + " 1,375.00 SAR + VAT 206.25 SAR = 1,581.25 SAR.")
                .contains("href=\"" + PDF.replace("&", "&amp;") + "\"")
                .contains("href=\"" + XML.replace("&", "&amp;") + "\"")
                .contains("The links are valid until 15 December 2026, 12:00 Arabian Standard Time.");
        assertThat(mail.text()).contains("PDF: " + PDF).contains("XML: " + XML);

        ReceivedMail arabic = awaitOneMailTo(arabicAccountant.email());
        assertThat(arabic.subject()).isEqualTo("الفاتورة الضريبية INV-2026-000042 لشهر نوفمبر 2026");
        assertThat(arabic.html()).contains("dir=\"rtl\"")
                .contains("صدرت فاتورتكم الضريبية لرسوم شهر نوفمبر 2026 باسم نون للتجارة السعودية:"
                        + " \u200E1,375.00 SAR + ضريبة القيمة المضافة \u200E206.25 SAR = \u200E1,581.25 SAR.");
        await().atMost(PATIENCE).until(() -> "sent".equals(stored.single(accountant.email()).status()));
        assertThat(stored.single(accountant.email()).kind()).isEqualTo("tax-invoice-issued");
        assertThat(stored.to(settlementsOnly.email())).as("invoices need invoices.view").isEmpty();
    }

    @Test
    void aClearedCreditOrDebitNoteIsMailedLikeAnInvoiceInEnglishAndArabic() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        Member accountant = Member.named("Noura", "en");
        Member arabicAccountant = Member.named("نورة", "ar");
        IdentityService.audience(merchant, Permission.INVOICES_VIEW, ksa, accountant, arabicAccountant);
        UUID note = UUID.randomUUID();

        events.publish(topic(), note, TaxNoteIssued.TYPE, new TaxNoteIssued(note, "CRN-00000043", "credit_note",
                UUID.randomUUID(), "INV-00000042", "Service fees returned on refunds", merchant, ksa, "Noon Trading KSA",
                "نون للتجارة السعودية", LocalDate.parse("2027-01-01"), sar("10.00"), sar("1.50"), sar("11.50"), PDF, XML,
                Instant.parse("2027-01-15T09:00:00Z"), Instant.now()));

        ReceivedMail mail = awaitOneMailTo(accountant.email());
        assertThat(mail.subject()).isEqualTo("Credit note CRN-00000043 on invoice INV-00000042");
        assertThat(mail.html())
                .contains("A credit note corrects the fees of invoice INV-00000042 issued to Noon Trading KSA:"
                        + " 10.00 SAR + VAT 1.50 SAR = 11.50 SAR is credited to you.")
                .contains("Reason: Service fees returned on refunds")
                .contains("href=\"" + PDF.replace("&", "&amp;") + "\"");
        assertThat(mail.text()).contains("PDF: " + PDF).contains("XML: " + XML);

        ReceivedMail arabic = awaitOneMailTo(arabicAccountant.email());
        assertThat(arabic.subject()).isEqualTo("إشعار دائن CRN-00000043 على الفاتورة INV-00000042");
        assertThat(arabic.html()).contains("dir=\"rtl\"").contains("صدر إشعار دائن يصحّح رسوم الفاتورة INV-00000042");
        await().atMost(PATIENCE).until(() -> "sent".equals(stored.single(accountant.email()).status()));
        assertThat(stored.single(accountant.email()).kind()).isEqualTo("tax-note-issued");
    }

    @Test
    void theSameReportDeliveredTwiceIsMailedOnce() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        Member finance = Member.named("Noura", "en");
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, ksa, finance);
        UUID report = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        SettlementReportReady ready = report(report, merchant, ksa, "not_settled", sar("1414.18"),
                LocalDate.parse("2026-12-02"), CSV);
        double duplicatesBefore = duplicates();

        events.publish(topic(), report, eventId, SettlementReportReady.TYPE, ready);
        events.publish(topic(), report, eventId, SettlementReportReady.TYPE, ready);

        await().atMost(PATIENCE).until(() -> duplicates() == duplicatesBefore + 1);
        awaitOneMailTo(finance.email());
        await().atMost(PATIENCE).until(() -> "sent".equals(stored.single(finance.email()).status()));
        assertThat(MailServer.mailsTo(finance.email())).hasSize(1);
        assertThat(IdentityService.questionsAbout(merchant)).as("identity-service asked once").hasSize(1);
    }

    @Test
    void whileIdentityServiceIsDownTheMailsWaitAndGoOutWhenItAnswers() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        Member finance = Member.named("Noura", "en");
        IdentityService.unavailableTwiceThen(merchant, Permission.SETTLEMENTS_VIEW, ksa, finance);
        UUID report = UUID.randomUUID();

        String eventId = events.publish(topic(), report, SettlementReportReady.TYPE,
                report(report, merchant, ksa, "not_settled", sar("1414.18"), LocalDate.parse("2026-12-02"), CSV));

        assertThat(awaitOneMailTo(finance.email()).subject()).startsWith("Settlement STL-KSA-2026-W48");
        assertThat(lookups.ofEvent(eventId)).get().satisfies(lookup -> {
            assertThat(lookup.status()).isEqualTo("resolved");
            assertThat(lookup.attempts()).isEqualTo(3);
            assertThat(lookup.lastError()).contains("503");
        });
        assertThat(IdentityService.questionsAbout(merchant)).hasSize(3);
    }

    @Test
    void aReportWhoseLinkIsNotAWebAddressIsNeverMailed() {
        UUID merchant = UUID.randomUUID();
        UUID ksa = UUID.randomUUID();
        Member finance = Member.named("Noura", "en");
        IdentityService.audience(merchant, Permission.SETTLEMENTS_VIEW, ksa, finance);
        UUID report = UUID.randomUUID();

        try (TopicReader deadLetters = new TopicReader(brokers, deadLetterTopic())) {
            events.publish(topic(), report, SettlementReportReady.TYPE, report(report, merchant, ksa, "not_settled",
                    sar("1414.18"), LocalDate.parse("2026-12-02"), "javascript:alert(document.cookie)"));

            deadLetters.awaitRecord(record -> report.toString().equals(record.key()), PATIENCE);
        }
        assertThat(lookups.about(report.toString())).isZero();
        assertThat(stored.to(finance.email())).isEmpty();
    }

    private static SettlementReportReady report(UUID report, UUID merchant, UUID entity, String status, Money net,
            LocalDate payout, String csv) {
        return new SettlementReportReady(report, merchant, entity, "Noon Trading KSA", "نون للتجارة السعودية",
                "STL-KSA-2026-W48", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"),
                LocalDate.parse("2026-11-30"), "Asia/Riyadh", sar("1530.00"), sar("100.00"), sar("13.75"), sar("2.07"),
                sar("0"), net, status, payout, 42, csv, Instant.parse("2026-12-13T20:00:00Z"), Instant.now());
    }

    private static Money sar(String amount) {
        return Money.of(amount, Currency.SAR);
    }

    private static Money kwd(String amount) {
        return Money.of(amount, Currency.KWD);
    }

    private double duplicates() {
        Counter counter = meters.find("portal.events.duplicates").tag("consumer", "notification-service")
                .tag("event_type", SettlementReportReady.TYPE).counter();
        return counter == null ? 0 : counter.count();
    }
}
