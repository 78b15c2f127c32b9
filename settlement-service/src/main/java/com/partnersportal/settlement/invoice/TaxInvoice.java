package com.partnersportal.settlement.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An issued tax document (invoice, credit or debit note). Its content never changes: its XML is stored as issued,
 * the stamped copy as submitted and the cleared copy as ZATCA returned it; only its clearance status moves.
 */
public record TaxInvoice(
        UUID id,
        DocumentType documentType,
        UUID originalInvoiceId,
        String billingReference,
        String reason,
        ClearanceStatus clearanceStatus,
        Instant clearedAt,
        String invoiceNumber,
        String issuerVatNumber,
        long icv,
        UUID merchantId,
        UUID legalEntityId,
        YearMonth billingMonth,
        Instant coversFrom,
        Instant coversTo,
        Instant issuedAt,
        LocalDate issueDate,
        LocalTime issueTime,
        String currency,
        BigDecimal taxableAmount,
        BigDecimal vatRate,
        BigDecimal vatAmount,
        BigDecimal totalWithVat,
        long feeLineCount,
        InvoiceParties parties,
        String invoiceHash,
        String previousHash,
        String qr) {

    static final ZoneId KSA = ZoneId.of("Asia/Riyadh");

    InvoiceDocument document() {
        return new InvoiceDocument(documentType, billingReference, reason, invoiceNumber, id, icv, previousHash, issueDate, issueTime, billingMonth,
                coversFrom.atZone(KSA).toLocalDate(), billingMonth.atEndOfMonth(), parties.seller(), parties.buyer(),
                parties.buyerAddressLine(), currency, taxableAmount, vatRate, vatAmount, totalWithVat);
    }
}
