package com.partnersportal.settlement.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Everything a tax invoice states, from which its UBL XML and its PDF are made. Amounts in SAR at 2 decimals;
 * {@code vatAmount} is {@code vatRate} % of {@code taxableAmount}, rounded HALF_UP once for the invoice.
 *
 * @param type             invoice (388), credit note (381) or debit note (383)
 * @param billingReference a note's original invoice number (BR-KSA-56); null for an invoice
 * @param reason           a note's reason (KSA-10, BR-KSA-17); null for an invoice
 * @param icv          the invoice counter value: 1 for the issuer's first invoice, +1 for each next one
 * @param previousHash the previous invoice's hash (PIH); for the first, the base64 of the hex SHA-256 of "0"
 * @param supplyDate   the last day of the billing month (KSA's date of supply)
 */
public record InvoiceDocument(
        DocumentType type,
        String billingReference,
        String reason,
        String invoiceNumber,
        UUID uuid,
        long icv,
        String previousHash,
        LocalDate issueDate,
        LocalTime issueTime,
        YearMonth month,
        LocalDate periodStart,
        LocalDate supplyDate,
        Party seller,
        Party buyer,
        String buyerAddressLine,
        String currency,
        BigDecimal taxableAmount,
        BigDecimal vatRate,
        BigDecimal vatAmount,
        BigDecimal totalWithVat) {

    /** A simplified (B2C) document; the provider's fee invoices are standard (B2B), so never, for now. */
    public boolean simplified() {
        return false;
    }

    /** Issue date and time as the XML states them (KSA local time): {@code 2026-12-01T00:00:05}. */
    public String issueTimestamp() {
        return issueDate + "T" + issueTime.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public InvoiceDocument {
        if (type.isNote() && (billingReference == null || billingReference.isBlank() || reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a credit or debit note names its original invoice and its reason");
        }
    }

    public String lineNameEn() {
        return switch (type) {
            case INVOICE -> "Buy now, pay later service fees, " + month;
            case CREDIT_NOTE -> "Service fees credited on invoice " + billingReference;
            case DEBIT_NOTE -> "Service fees charged in addition on invoice " + billingReference;
        };
    }

    public String lineNameAr() {
        return switch (type) {
            case INVOICE -> "رسوم خدمة اشتر الآن وادفع لاحقاً لشهر " + month;
            case CREDIT_NOTE -> "رسوم خدمة مردودة على الفاتورة " + billingReference;
            case DEBIT_NOTE -> "رسوم خدمة إضافية على الفاتورة " + billingReference;
        };
    }
}
