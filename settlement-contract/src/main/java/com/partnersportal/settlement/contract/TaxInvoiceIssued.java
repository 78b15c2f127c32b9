package com.partnersportal.settlement.contract;

import com.partnersportal.types.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A monthly KSA tax invoice for the provider's fees was issued to a legal entity and cleared by ZATCA (only then is
 * it shared). Published on {@link SettlementTopics#SETTLEMENT_EVENTS}, keyed by invoice id.
 *
 * @param month         the billing month, {@code YYYY-MM}
 * @param pdfDownloadUrl a signed, time-limited link to the bilingual PDF (valid until {@code linkExpiresAt})
 * @param xmlDownloadUrl a signed, time-limited link to the UBL 2.1 XML as ZATCA cleared it
 */
public record TaxInvoiceIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID merchantId,
        UUID legalEntityId,
        String legalEntityNameEn,
        String legalEntityNameAr,
        String month,
        LocalDate issueDate,
        Money taxableAmount,
        Money vatAmount,
        Money totalWithVat,
        String pdfDownloadUrl,
        String xmlDownloadUrl,
        Instant linkExpiresAt,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.settlement.tax-invoice-issued.v1";
}
