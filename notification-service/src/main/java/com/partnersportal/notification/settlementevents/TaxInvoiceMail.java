package com.partnersportal.notification.settlementevents;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.WebAddress;
import com.partnersportal.notification.recipients.Audience;
import com.partnersportal.notification.recipients.AudienceMail;
import com.partnersportal.notification.recipients.Recipient;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** A monthly tax invoice for the provider's fees, to the users who view invoices and may see the legal entity. */
@Component
class TaxInvoiceMail implements AudienceMail<TaxInvoiceIssued> {

    private final MailFormats formats;

    TaxInvoiceMail(MailFormats formats) {
        this.formats = formats;
    }

    @Override
    public String eventType() {
        return TaxInvoiceIssued.TYPE;
    }

    @Override
    public Class<TaxInvoiceIssued> payloadType() {
        return TaxInvoiceIssued.class;
    }

    @Override
    public Audience audience(TaxInvoiceIssued invoice) {
        WebAddress.require(invoice.pdfDownloadUrl(), "the invoice's pdf_download_url");
        WebAddress.require(invoice.xmlDownloadUrl(), "the invoice's xml_download_url");
        month(invoice);
        return Audience.seeingEntity(invoice.merchantId(), Permission.INVOICES_VIEW, invoice.legalEntityId());
    }

    @Override
    public MailRequest mailTo(Recipient recipient, TaxInvoiceIssued invoice) {
        Language language = recipient.language();
        return MailRequest.to(MailKind.TAX_INVOICE_ISSUED, recipient.email(), language)
                .with("name", recipient.fullName())
                .with("invoiceNumber", invoice.invoiceNumber())
                .with("month", formats.month(month(invoice), language))
                .with("legalEntityName", EntityName.in(language, invoice.legalEntityNameEn(), invoice.legalEntityNameAr()))
                .with("taxableAmount", formats.money(invoice.taxableAmount(), language))
                .with("vatAmount", formats.money(invoice.vatAmount(), language))
                .with("totalWithVat", formats.money(invoice.totalWithVat(), language))
                .with("pdfUrl", WebAddress.require(invoice.pdfDownloadUrl(), "the invoice's pdf_download_url"))
                .with("xmlUrl", WebAddress.require(invoice.xmlDownloadUrl(), "the invoice's xml_download_url"))
                .with("expiresAt", formats.dateTime(invoice.linkExpiresAt(), language))
                .build();
    }

    private static YearMonth month(TaxInvoiceIssued invoice) {
        try {
            return YearMonth.parse(invoice.month());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("the invoice's month is not YYYY-MM: " + invoice.month(), e);
        }
    }
}
