package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues a tax document in the issuer's one chain, inside the caller's transaction: the next ICV and number under the
 * counter's row lock, the previous document's hash as PIH, the UBL XML and its hash, and — in the same transaction —
 * the document's ZATCA submission, queued. Nothing is shared here: the merchant hears of the document when ZATCA has
 * cleared it ({@link ClearanceRecorder}).
 */
@Component
class DocumentIssuer {

    private final InvoiceCounter counter;
    private final TaxInvoices invoices;
    private final IssuerProperties issuer;
    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentIssuer(InvoiceCounter counter, TaxInvoices invoices, IssuerProperties issuer, JdbcClient jdbc, Clock clock) {
        this.counter = counter;
        this.invoices = invoices;
        this.issuer = issuer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a new document says; amounts in SAR, VAT computed by the caller (once, for the document). */
    record NewDocument(DocumentType type, TaxInvoice original, String reason, UUID merchantId, UUID legalEntityId,
            YearMonth month, Instant coversFrom, Instant coversTo, InvoiceParties parties, BigDecimal taxable,
            BigDecimal vatRate, BigDecimal vat, long feeLineCount) {
    }

    TaxInvoice issue(NewDocument d) {
        InvoiceCounter.Position position = counter.lock(issuer.vatNumber());
        long icv = position.lastIcv() + 1;
        UUID id = UUID.randomUUID();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime local = LocalDateTime.ofInstant(issuedAt, TaxInvoice.KSA);
        int scale = Currency.SAR.scale();
        BigDecimal taxable = d.taxable().setScale(scale, RoundingMode.UNNECESSARY);
        BigDecimal vat = d.vat().setScale(scale, RoundingMode.UNNECESSARY);
        String prefix = switch (d.type()) {
            case INVOICE -> issuer.invoicePrefix();
            case CREDIT_NOTE -> "CRN-";
            case DEBIT_NOTE -> "DBN-";
        };
        LocalDate periodStart = d.coversFrom().atZone(TaxInvoice.KSA).toLocalDate();
        InvoiceDocument document = new InvoiceDocument(d.type(), d.original() == null ? null : d.original().invoiceNumber(),
                d.reason(), prefix + "%08d".formatted(icv), id, icv, position.lastHash(), local.toLocalDate(),
                local.toLocalTime(), d.month(), periodStart, d.month().atEndOfMonth(), d.parties().seller(),
                d.parties().buyer(), d.parties().buyerAddressLine(), Currency.SAR.name(), taxable, d.vatRate(), vat,
                taxable.add(vat));
        byte[] xml = UblInvoice.write(document, null);
        String hash = InvoiceHash.of(xml);
        jdbc.sql("""
                        INSERT INTO tax_invoice (id, document_type, original_invoice_id, billing_reference, reason,
                            clearance_status, invoice_number, issuer_vat_number, icv, merchant_id, legal_entity_id,
                            billing_month, covers_from, covers_to, issued_at, issue_date, issue_time, currency,
                            taxable_amount, vat_rate, vat_amount, total_with_vat, fee_line_count, parties, invoice_hash,
                            previous_hash, qr, xml)
                        VALUES (:id, :type, :original, :reference, :reason, 'PENDING', :number, :issuer, :icv, :merchant,
                            :entity, :month, :from, :to, :issuedAt, :issueDate, :issueTime, 'SAR', :taxable, :vatRate,
                            :vat, :total, :lines, CAST(:parties AS JSONB), :hash, :previousHash, :qr, :xml)""")
                .param("id", id)
                .param("type", d.type().name())
                .param("original", d.original() == null ? null : d.original().id())
                .param("reference", document.billingReference())
                .param("reason", d.reason())
                .param("number", document.invoiceNumber())
                .param("issuer", issuer.vatNumber())
                .param("icv", icv)
                .param("merchant", d.merchantId())
                .param("entity", d.legalEntityId())
                .param("month", Date.valueOf(d.month().atDay(1)))
                .param("from", Timestamp.from(d.coversFrom()))
                .param("to", Timestamp.from(d.coversTo()))
                .param("issuedAt", Timestamp.from(issuedAt))
                .param("issueDate", document.issueDate())
                .param("issueTime", document.issueTime())
                .param("taxable", taxable)
                .param("vatRate", d.vatRate())
                .param("vat", vat)
                .param("total", document.totalWithVat())
                .param("lines", d.feeLineCount())
                .param("parties", new String(EventJson.write(d.parties()), StandardCharsets.UTF_8))
                .param("hash", hash)
                .param("previousHash", position.lastHash())
                .param("qr", ZatcaQr.of(document, hash))
                .param("xml", xml)
                .update();
        counter.advance(issuer.vatNumber(), icv, hash);
        jdbc.sql("""
                        INSERT INTO zatca_submission (document_id, issuer_vat_number, icv, state, next_attempt_at,
                            created_at, updated_at)
                        VALUES (:id, :issuer, :icv, 'QUEUED', :now, :now, :now)""")
                .param("id", id).param("issuer", issuer.vatNumber()).param("icv", icv)
                .param("now", Timestamp.from(issuedAt)).update();
        return invoices.find(id).orElseThrow();
    }
}
