package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.money.WireMoney;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A tax invoice as the portal lists and shows it, with its ZATCA identifiers (ICV, hash, PIH, QR). */
public record InvoiceView(
        UUID invoiceId,
        String documentType,
        UUID originalInvoiceId,
        String billingReference,
        String reason,
        String clearanceStatus,
        java.time.Instant clearedAt,
        String invoiceNumber,
        UUID legalEntityId,
        String billingMonth,
        LocalDate issueDate,
        String issueTime,
        String invoiceType,
        String currency,
        WireMoney taxableAmount,
        BigDecimal vatRate,
        WireMoney vatAmount,
        WireMoney totalWithVat,
        String sellerNameAr,
        String sellerNameEn,
        String sellerVatNumber,
        String buyerNameAr,
        String buyerNameEn,
        String buyerVatNumber,
        long icv,
        String invoiceHash,
        String previousInvoiceHash,
        String qrCode) {

    static InvoiceView of(TaxInvoice i) {
        InvoiceDocument d = i.document();
        String c = i.currency();
        return new InvoiceView(i.id(), i.documentType().wireName(), i.originalInvoiceId(), i.billingReference(),
                i.reason(), i.clearanceStatus().wireName(), i.clearedAt(), i.invoiceNumber(), i.legalEntityId(), i.billingMonth().toString(), i.issueDate(),
                d.issueTimestamp().substring(11), "standard", c, WireMoney.of(i.taxableAmount(), c),
                i.vatRate().setScale(2), WireMoney.of(i.vatAmount(), c), WireMoney.of(i.totalWithVat(), c),
                d.seller().nameAr(), d.seller().nameEn(), d.seller().vatNumber(), d.buyer().nameAr(), d.buyer().nameEn(),
                d.buyer().vatNumber(), i.icv(), i.invoiceHash(), i.previousHash(),
                i.clearanceStatus().shareable() ? i.qr() : null);
    }
}
