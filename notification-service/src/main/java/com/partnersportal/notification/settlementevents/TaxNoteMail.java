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
import com.partnersportal.settlement.contract.TaxNoteIssued;
import org.springframework.stereotype.Component;

/**
 * A credit or debit note correcting an invoice's fees, cleared by ZATCA, to the users who view invoices and may see
 * the legal entity (as the invoice itself went).
 */
@Component
class TaxNoteMail implements AudienceMail<TaxNoteIssued> {

    private final MailFormats formats;

    TaxNoteMail(MailFormats formats) {
        this.formats = formats;
    }

    @Override
    public String eventType() {
        return TaxNoteIssued.TYPE;
    }

    @Override
    public Class<TaxNoteIssued> payloadType() {
        return TaxNoteIssued.class;
    }

    @Override
    public Audience audience(TaxNoteIssued note) {
        WebAddress.require(note.pdfDownloadUrl(), "the note's pdf_download_url");
        WebAddress.require(note.xmlDownloadUrl(), "the note's xml_download_url");
        credit(note);
        return Audience.seeingEntity(note.merchantId(), Permission.INVOICES_VIEW, note.legalEntityId());
    }

    @Override
    public MailRequest mailTo(Recipient recipient, TaxNoteIssued note) {
        Language language = recipient.language();
        boolean credit = credit(note);
        return MailRequest.to(MailKind.TAX_NOTE_ISSUED, recipient.email(), language)
                .with("noteTitle", title(credit, language))
                .with("noteNumber", note.noteNumber())
                .with("invoiceNumber", note.originalInvoiceNumber())
                .with("name", recipient.fullName())
                .with("credit", credit)
                .with("legalEntityName", EntityName.in(language, note.legalEntityNameEn(), note.legalEntityNameAr()))
                .with("reason", note.reason())
                .with("taxableAmount", formats.money(note.taxableAmount(), language))
                .with("vatAmount", formats.money(note.vatAmount(), language))
                .with("totalWithVat", formats.money(note.totalWithVat(), language))
                .with("pdfUrl", WebAddress.require(note.pdfDownloadUrl(), "the note's pdf_download_url"))
                .with("xmlUrl", WebAddress.require(note.xmlDownloadUrl(), "the note's xml_download_url"))
                .with("expiresAt", formats.dateTime(note.linkExpiresAt(), language))
                .build();
    }

    private static String title(boolean credit, Language language) {
        return language == Language.AR ? (credit ? "إشعار دائن" : "إشعار مدين") : (credit ? "Credit note" : "Debit note");
    }

    private static boolean credit(TaxNoteIssued note) {
        return switch (String.valueOf(note.noteType())) {
            case "credit_note" -> true;
            case "debit_note" -> false;
            default -> throw new IllegalArgumentException("note_type must be credit_note or debit_note, not " + note.noteType());
        };
    }
}
