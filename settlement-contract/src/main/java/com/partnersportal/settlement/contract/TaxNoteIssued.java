package com.partnersportal.settlement.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A KSA tax credit note (381) or debit note (383) corrected the fees of an invoice already issued to a legal entity
 * (a refund returned fees of a month already invoiced, or an operator corrected a fee), and ZATCA cleared it.
 * Published on {@link SettlementTopics#SETTLEMENT_EVENTS}, keyed by note id.
 *
 * @param noteType              {@code credit_note} or {@code debit_note}
 * @param originalInvoiceNumber the invoice the note corrects
 * @param reason                why (as the note states it)
 * @param totalWithVat          what the note credits or charges, VAT included (positive)
 */
public record TaxNoteIssued(
        UUID noteId,
        String noteNumber,
        String noteType,
        UUID originalInvoiceId,
        String originalInvoiceNumber,
        String reason,
        UUID merchantId,
        UUID legalEntityId,
        String legalEntityNameEn,
        String legalEntityNameAr,
        LocalDate issueDate,
        Money taxableAmount,
        Money vatAmount,
        Money totalWithVat,
        String pdfDownloadUrl,
        String xmlDownloadUrl,
        Instant linkExpiresAt,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.settlement.tax-note-issued.v1";
}
