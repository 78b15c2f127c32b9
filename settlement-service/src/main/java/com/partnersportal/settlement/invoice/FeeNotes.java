package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.ledger.FeeCalculator;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credit notes (381) and debit notes (383) for fees an issued invoice already stated: at a month's close, the fees
 * that refunds returned on captures invoiced before become one credit note per original invoice; an operator's fee
 * correction becomes its note at once. A note references its invoice (BR-KSA-56), states its reason (BR-KSA-17),
 * takes the next place in the same ICV/PIH chain and is stamped and cleared like an invoice (ADR 14).
 */
@Component
class FeeNotes {

    private static final Logger log = LoggerFactory.getLogger(FeeNotes.class);
    static final String REFUND_REASON = "Service fees returned on refunds of orders invoiced before"
            + " / رسوم الخدمة المردودة على استرداد طلبات سبقت فوترتها";

    private final JdbcClient jdbc;
    private final DocumentIssuer documents;
    private final TaxInvoices invoices;
    private final Clock clock;

    FeeNotes(JdbcClient jdbc, DocumentIssuer documents, TaxInvoices invoices, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.invoices = invoices;
        this.clock = clock;
    }

    private record Change(long id, Instant invoicedAt, UUID originalId, BigDecimal feeChange) {
    }

    /** The credit notes for refunds booked up to the month's end on captures invoiced before. Caller holds the lock. */
    List<TaxInvoice> refundNotes(SettlementProfile profile) {
        List<Change> open = jdbc.sql("""
                        SELECT id, invoiced_at, original_invoice_id, fee_change FROM invoiced_fee_change
                        WHERE legal_entity_id = :entity AND kind = 'REFUND' AND closed_at IS NULL AND booked_at < :end
                        ORDER BY id""")
                .param("entity", profile.legalEntityId()).param("end", Timestamp.from(profile.invoiceMonthEnd()))
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getTimestamp("invoiced_at").toInstant(),
                        rs.getObject("original_invoice_id", UUID.class), rs.getBigDecimal("fee_change")))
                .list();
        Map<UUID, List<Change>> byInvoice = new LinkedHashMap<>();
        for (Change change : open) {
            Optional<UUID> original = covering(profile.legalEntityId(), change.invoicedAt());
            if (original.isEmpty()) {
                log.warn("Fee change {} of legal entity {} has no invoice covering {}: left for operators", change.id(),
                        profile.legalEntityId(), change.invoicedAt());
                continue;
            }
            byInvoice.computeIfAbsent(original.get(), id -> new ArrayList<>()).add(change);
        }
        List<TaxInvoice> notes = new ArrayList<>();
        byInvoice.forEach((originalId, changes) -> {
            BigDecimal total = changes.stream().map(Change::feeChange).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(Currency.SAR.scale(), RoundingMode.UNNECESSARY);
            TaxInvoice note = total.signum() == 0 ? null
                    : issue(invoices.find(originalId).orElseThrow(), total, REFUND_REASON, changes.size());
            close(changes.stream().map(Change::id).toList(), note);
            if (note != null) {
                notes.add(note);
            }
        });
        return notes;
    }

    /** The note for an operator's correction of {@code original}'s fees (booked just before, in this transaction). */
    TaxInvoice correctionNote(TaxInvoice original, UUID correctionId, BigDecimal feeChange, String reason) {
        TaxInvoice note = issue(original, feeChange, reason, 1);
        jdbc.sql("""
                        UPDATE invoiced_fee_change SET note_id = :note, closed_at = :now
                        WHERE kind = 'FEE_CORRECTION' AND operation_id = :id""")
                .param("note", note.id()).param("now", Timestamp.from(clock.instant())).param("id", correctionId).update();
        return note;
    }

    /** What {@code original}'s fees come to now: its taxable amount with the notes issued on it since. */
    BigDecimal currentFees(TaxInvoice original) {
        BigDecimal noted = jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN document_type = 'DEBIT_NOTE' THEN taxable_amount ELSE -taxable_amount END), 0)
                        FROM tax_invoice WHERE original_invoice_id = :id AND clearance_status <> 'REJECTED'""")
                .param("id", original.id()).query(BigDecimal.class).single();
        return original.taxableAmount().add(noted);
    }

    private TaxInvoice issue(TaxInvoice original, BigDecimal feeChange, String reason, long lines) {
        DocumentType type = feeChange.signum() < 0 ? DocumentType.CREDIT_NOTE : DocumentType.DEBIT_NOTE;
        BigDecimal taxable = feeChange.abs().setScale(Currency.SAR.scale(), RoundingMode.UNNECESSARY);
        BigDecimal vat = FeeCalculator.percentOf(taxable, original.vatRate(), Currency.SAR.scale());
        TaxInvoice note = documents.issue(new DocumentIssuer.NewDocument(type, original, reason, original.merchantId(),
                original.legalEntityId(), original.billingMonth(), original.coversFrom(), original.coversTo(),
                original.parties(), taxable, original.vatRate(), vat, lines));
        log.info("Issued {} {} (ICV {}) on invoice {}: {} SAR + VAT {}; queued for clearance", type.wireName(),
                note.invoiceNumber(), note.icv(), original.invoiceNumber(), taxable, vat);
        return note;
    }

    private Optional<UUID> covering(UUID legalEntityId, Instant invoicedAt) {
        return jdbc.sql("""
                        SELECT id FROM tax_invoice WHERE legal_entity_id = :entity AND document_type = 'INVOICE'
                        AND clearance_status <> 'REJECTED' AND covers_from <= :at AND covers_to > :at
                        ORDER BY icv DESC LIMIT 1""")
                .param("entity", legalEntityId).param("at", Timestamp.from(invoicedAt)).query(UUID.class).optional();
    }

    private void close(List<Long> ids, TaxInvoice note) {
        jdbc.sql("UPDATE invoiced_fee_change SET note_id = :note, closed_at = :now WHERE id IN (:ids)")
                .param("note", note == null ? null : note.id()).param("now", Timestamp.from(clock.instant()))
                .param("ids", ids).update();
    }
}
