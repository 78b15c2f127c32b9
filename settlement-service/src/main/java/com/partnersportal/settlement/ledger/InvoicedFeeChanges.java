package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changes to fees an issued invoice already stated ({@code invoiced_fee_change}), written with the line that makes
 * them: they are left out of the next monthly invoice and stated in a credit or debit note instead.
 */
@Repository
public class InvoicedFeeChanges {

    private final JdbcClient jdbc;

    InvoicedFeeChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refund returned {@code feeReturned} of the fee charged on a capture that is invoiced already. */
    void refundOfInvoicedCapture(UUID legalEntityId, UUID refundId, UUID captureId, Instant captureInvoicedAt,
            BigDecimal feeReturned, Instant bookedAt) {
        jdbc.sql("""
                        INSERT INTO invoiced_fee_change (legal_entity_id, kind, operation_id, capture_id, invoiced_at,
                            fee_change, booked_at)
                        VALUES (:entity, 'REFUND', :refund, :capture, :invoicedAt, :change, :bookedAt)
                        ON CONFLICT DO NOTHING""")
                .param("entity", legalEntityId).param("refund", refundId).param("capture", captureId)
                .param("invoicedAt", Timestamp.from(captureInvoicedAt)).param("change", feeReturned.negate())
                .param("bookedAt", Timestamp.from(bookedAt)).update();
    }

    /** An operator's correction of an invoice's fees (positive: charged in addition). */
    void feeCorrection(UUID legalEntityId, UUID correctionId, UUID originalInvoiceId, BigDecimal feeChange, String reason,
            Instant bookedAt) {
        jdbc.sql("""
                        INSERT INTO invoiced_fee_change (legal_entity_id, kind, operation_id, original_invoice_id,
                            fee_change, reason, booked_at)
                        VALUES (:entity, 'FEE_CORRECTION', :correction, :original, :change, :reason, :bookedAt)""")
                .param("entity", legalEntityId).param("correction", correctionId).param("original", originalInvoiceId)
                .param("change", feeChange).param("reason", reason).param("bookedAt", Timestamp.from(bookedAt)).update();
    }
}
