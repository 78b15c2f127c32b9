package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.MessageSource;

class MailRendererTest {

    private static final String HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)> \"Noura\"";

    private final MailRenderer renderer;
    private final MailFormats formats = new MailFormats(new MailProperties(null, null, null));

    MailRendererTest() {
        MailTemplateConfiguration configuration = new MailTemplateConfiguration();
        MessageSource texts = configuration.mailTexts();
        renderer = new MailRenderer(configuration.mailTemplateEngine(texts), texts);
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyKindHasItsSubjectTextsAndBothPartsInEnglishAndInArabic(MailKind kind) {
        RenderedMail english = renderer.render(sample(kind, Language.EN, "Noura"));
        RenderedMail arabic = renderer.render(sample(kind, Language.AR, "Noura"));

        for (RenderedMail mail : new RenderedMail[] {english, arabic}) {
            assertThat(mail.subject()).isNotBlank();
            // Thymeleaf shows a text missing from the bundle as ??key_locale??
            assertThat(mail.html()).doesNotContain("??").contains("Noura");
            assertThat(mail.text()).doesNotContain("??").contains("Noura").doesNotContain("<");
        }
        assertThat(arabic.subject()).isNotEqualTo(english.subject());
        assertThat(arabic.subject()).containsPattern("\\p{IsArabic}");
        assertThat(arabic.text()).containsPattern("\\p{IsArabic}");
        assertThat(english.html()).contains("<html lang=\"en\" dir=\"ltr\">");
        assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("text-align:right");
    }

    @Test
    void anInvitationLinksToActivationAndSaysWhenTheLinkExpires() {
        RenderedMail mail = renderer.render(sample(MailKind.USER_INVITED, Language.EN, "Noura Al-Harbi"));

        assertThat(mail.subject()).isEqualTo("You are invited to the Partners Portal");
        assertThat(mail.html())
                .contains("Hello Noura Al-Harbi,")
                .contains("href=\"https://portal.example/activate?token=t0k3n\"")
                .contains("27 November 2026, 14:00 Arabian Standard Time");
        assertThat(mail.text())
                .contains("Hello Noura Al-Harbi,")
                .contains("https://portal.example/activate?token=t0k3n")
                .contains("27 November 2026, 14:00");
    }

    @Test
    void anArabicInvitationHasArabicTextsAndKeepsTheLinkLeftToRight() {
        RenderedMail mail = renderer.render(sample(MailKind.USER_INVITED, Language.AR, "نورة الحربي"));

        assertThat(mail.subject()).isEqualTo("دعوة للانضمام إلى بوابة الشركاء");
        assertThat(mail.html()).contains("مرحباً نورة الحربي،")
                .contains("<a dir=\"ltr\" href=\"https://portal.example/activate?token=t0k3n\"");
        assertThat(mail.text()).contains("فعّل حسابك").contains("27 نوفمبر 2026، 14:00").contains("https://portal.example/activate?token=t0k3n");
    }

    @Test
    void aRecipientWithoutANameIsGreetedWithoutOne() {
        RenderedMail mail = renderer.render(sample(MailKind.PASSWORD_RESET, Language.EN, "  "));

        assertThat(mail.html()).contains("<p>Hello,</p>").doesNotContain("null");
        assertThat(mail.text()).startsWith("Hello,\n");
    }

    @Test
    void hostileNamesAndReasonsAreEscapedInTheHtmlAndLeftAsTextInThePlainPart() {
        RenderedMail invited = renderer.render(sample(MailKind.USER_INVITED, Language.EN, HOSTILE));
        RenderedMail failed = renderer.render(MailRequest.to(MailKind.ORDER_EXPORT_FAILED, "a@example.com", Language.EN)
                .with("name", "Noura").with("reason", "</p><a href=\"javascript:alert(1)\">retry</a>").build());

        assertThat(invited.html()).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &quot;Noura&quot;");
        assertThat(invited.text()).contains(HOSTILE);
        assertThat(failed.html()).doesNotContain("javascript:alert(1)\">").contains("&lt;/p&gt;&lt;a href=");
    }

    @Test
    void anExportReadyMailCarriesTheDownloadLinkTheRangeAndTheExpiry() {
        RenderedMail mail = renderer.render(sample(MailKind.ORDER_EXPORT_READY, Language.EN, "Noura"));

        assertThat(mail.subject()).isEqualTo("Your orders export is ready");
        assertThat(mail.html()).contains("href=\"https://files.example/exports/e-1.csv?sig=a&amp;exp=b\"")
                .contains("1,250 orders created from 1 November 2026 to 24 November 2026")
                .contains("The download link expires on 27 November 2026, 14:00");
        assertThat(mail.text()).contains("https://files.example/exports/e-1.csv?sig=a&exp=b");
    }

    @Test
    void anExportFailedMailSaysSoAndWhy() {
        RenderedMail mail = renderer.render(MailRequest.to(MailKind.ORDER_EXPORT_FAILED, "a@example.com", Language.AR)
                .with("name", "Noura").with("reason", "too many rows").build());

        assertThat(mail.subject()).isEqualTo("تعذّر إنشاء ملف تصدير الطلبات");
        assertThat(mail.text()).contains("السبب: too many rows");
    }

    @Test
    void aSubjectShowsItsKindsArguments() {
        RenderedMail english = renderer.render(sample(MailKind.SETTLEMENT_REPORT_READY, Language.EN, "Noura"));
        RenderedMail arabic = renderer.render(sample(MailKind.SETTLEMENT_REPORT_READY, Language.AR, "Noura"));

        assertThat(english.subject()).isEqualTo("Settlement STL-KSA-2026-W48 for Noon Trading KSA: 1,414.18 SAR");
        assertThat(arabic.subject()).isEqualTo("كشف التسوية STL-KSA-2026-W48 لـ Noon Trading KSA: \u200E1,414.18 SAR");
    }

    @Test
    void aReportWithNothingToPayAndNothingCarriedStatesTheNetWithoutAPayoutDate() {
        RenderedMail mail = renderer.render(MailRequest.to(MailKind.SETTLEMENT_REPORT_READY, "a@example.com", Language.EN)
                .with("name", "Noura").with("settlementReference", "STL-1").with("legalEntityName", "Noon")
                .with("netPayable", "0.00 SAR").with("periodStart", "23 November 2026").with("periodEnd", "29 November 2026")
                .with("carriedForward", false).with("expectedPayoutDate", null).with("totalSales", "0.00 SAR")
                .with("totalRefunds", "0.00 SAR").with("totalFees", "0.00 SAR").with("totalVat", "0.00 SAR")
                .with("downloadUrl", "https://files.example/r.csv").with("expiresAt", null).build());

        assertThat(mail.html()).contains("Net payable: 0.00 SAR.").doesNotContain("expected on").doesNotContain("valid until");
        assertThat(mail.text()).contains("Net payable: 0.00 SAR.");
    }

    private MailRequest sample(MailKind kind, Language language, String name) {
        Instant expiry = Instant.parse("2026-11-27T11:00:00Z");
        MailRequest.Builder request = MailRequest.to(kind, "noura@example.com", language).with("name", name);
        switch (kind) {
            case USER_INVITED, ACTIVATION_REISSUED -> request.with("activationUrl", "https://portal.example/activate?token=t0k3n")
                    .with("expiresAt", formats.dateTime(expiry, language));
            case PASSWORD_RESET -> request.with("resetUrl", "https://portal.example/reset-password?token=t0k3n")
                    .with("expiresAt", formats.dateTime(expiry, language));
            case ORDER_EXPORT_READY -> request.with("downloadUrl", "https://files.example/exports/e-1.csv?sig=a&exp=b")
                    .with("expiresAt", formats.dateTime(expiry, language))
                    .with("rowCount", formats.count(1250))
                    .with("createdFrom", formats.date(LocalDate.parse("2026-11-01"), language))
                    .with("createdTo", formats.date(LocalDate.parse("2026-11-24"), language));
            case ORDER_EXPORT_FAILED -> request.with("reason", "the export timed out");
            case SETTLEMENT_REPORT_READY -> request.with("settlementReference", "STL-KSA-2026-W48")
                    .with("legalEntityName", "Noon Trading KSA")
                    .with("netPayable", formats.money(Money.of("1414.18", Currency.SAR), language))
                    .with("periodStart", formats.date(LocalDate.parse("2026-11-23"), language))
                    .with("periodEnd", formats.date(LocalDate.parse("2026-11-29"), language))
                    .with("carriedForward", false)
                    .with("expectedPayoutDate", formats.date(LocalDate.parse("2026-12-02"), language))
                    .with("totalSales", formats.money(Money.of("1530", Currency.SAR), language))
                    .with("totalRefunds", formats.money(Money.of("100", Currency.SAR), language))
                    .with("totalFees", formats.money(Money.of("13.75", Currency.SAR), language))
                    .with("totalVat", formats.money(Money.of("2.07", Currency.SAR), language))
                    .with("downloadUrl", "https://files.example/reports/r-1.csv?sig=a&exp=b")
                    .with("expiresAt", formats.dateTime(expiry, language));
            case TAX_INVOICE_ISSUED -> request.with("invoiceNumber", "INV-2026-000042")
                    .with("month", formats.month(YearMonth.parse("2026-11"), language))
                    .with("legalEntityName", "Noon Trading KSA")
                    .with("taxableAmount", formats.money(Money.of("1375", Currency.SAR), language))
                    .with("vatAmount", formats.money(Money.of("206.25", Currency.SAR), language))
                    .with("totalWithVat", formats.money(Money.of("1581.25", Currency.SAR), language))
                    .with("pdfUrl", "https://files.example/invoices/i-1.pdf?sig=a")
                    .with("xmlUrl", "https://files.example/invoices/i-1.xml?sig=a")
                    .with("expiresAt", formats.dateTime(expiry, language));
            case TAX_NOTE_ISSUED -> request.with("noteTitle", "Credit note")
                    .with("noteNumber", "CRN-00000043")
                    .with("invoiceNumber", "INV-2026-000042")
                    .with("credit", true)
                    .with("legalEntityName", "Noon Trading KSA")
                    .with("reason", "Service fees returned on refunds")
                    .with("taxableAmount", formats.money(Money.of("10", Currency.SAR), language))
                    .with("vatAmount", formats.money(Money.of("1.50", Currency.SAR), language))
                    .with("totalWithVat", formats.money(Money.of("11.50", Currency.SAR), language))
                    .with("pdfUrl", "https://files.example/invoices/n-1.pdf?sig=a")
                    .with("xmlUrl", "https://files.example/invoices/n-1.xml?sig=a")
                    .with("expiresAt", formats.dateTime(expiry, language));
            case WEBHOOK_ENDPOINT_DISABLED -> request.with("url", "https://shop.example.com/hooks")
                    .with("description", "ERP")
                    .with("gone", false)
                    .with("failingSince", formats.dateTime(expiry, language))
                    .with("lastError", "HTTP 500")
                    .with("undeliveredCount", formats.count(1250))
                    .with("settingsUrl", "https://portal.example/webhooks/endpoints/e-1");
            case SECOND_FACTOR_ENABLED, SECOND_FACTOR_REPLACED, SECOND_FACTOR_DISABLED, SECOND_FACTOR_RESET,
                    RECOVERY_CODES_REGENERATED, RECOVERY_CODE_USED -> request
                    .with("occurredAt", formats.dateTime(expiry, language))
                    .with("clientAddress", "203.0.113.7")
                    .with("securityUrl", "https://portal.example/security")
                    .with("changedBy", "admin@example.com")
                    .with("remaining", formats.count(2))
                    .with("fewLeft", true);
        }
        return request.build();
    }
}
