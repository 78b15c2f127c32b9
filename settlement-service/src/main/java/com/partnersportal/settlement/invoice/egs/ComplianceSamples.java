package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.settlement.invoice.DocumentType;
import com.partnersportal.settlement.invoice.InvoiceDocument;
import com.partnersportal.settlement.invoice.InvoiceHash;
import com.partnersportal.settlement.invoice.Party;
import com.partnersportal.settlement.invoice.StampedInvoice;
import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The documents ZATCA's compliance checks ask an EGS unit to submit before it gets a production CSID: for a unit
 * that issues standard documents (flags 1000), a standard tax invoice, credit note and debit note, made and stamped
 * by the same code as the real ones, with the compliance CSID. They form their own little chain (ICV 1-3) and are
 * never shared with anyone.
 */
final class ComplianceSamples {

    private static final ZoneId KSA = ZoneId.of("Asia/Riyadh");
    static final Party BUYER = new Party("Compliance Check Buyer Co.", "شركة مشتري فحص المطابقة", "300000000000003",
            "1010000001", "Prince Sultan Street", "2322", "Al Murabba", "Riyadh", "12345", "SA");

    private ComplianceSamples() {
    }

    static List<StampedInvoice> stamped(Party seller, StampIdentity identity, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), KSA);
        YearMonth month = YearMonth.from(local).minusMonths(1);
        List<StampedInvoice> samples = new ArrayList<>();
        String previousHash = InvoiceHash.FIRST_PREVIOUS_HASH;
        String invoiceNumber = "CMP-INV-1";
        for (DocumentType type : DocumentType.values()) {
            long icv = samples.size() + 1L;
            boolean note = type.isNote();
            BigDecimal taxable = note ? new BigDecimal("10.00") : new BigDecimal("100.00");
            BigDecimal vat = taxable.multiply(new BigDecimal("0.15")).setScale(2);
            InvoiceDocument document = new InvoiceDocument(type, note ? invoiceNumber : null,
                    note ? "Compliance check: fee correction" : null,
                    note ? "CMP-" + type.code() + "-" + icv : invoiceNumber, UUID.randomUUID(), icv, previousHash,
                    local.toLocalDate(), local.toLocalTime(), month, month.atDay(1), month.atEndOfMonth(), seller,
                    BUYER, null, "SAR", taxable, new BigDecimal("15"), vat, taxable.add(vat));
            StampedInvoice stamped = StampedInvoice.stamp(document, identity, now);
            samples.add(stamped);
            previousHash = stamped.invoiceHash();
        }
        return samples;
    }
}
