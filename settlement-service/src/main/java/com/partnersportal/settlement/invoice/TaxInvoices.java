package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.types.Currency;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads issued invoices, scoped by merchant and visible entities for portal callers. */
@Repository
public class TaxInvoices {

    private final JdbcClient jdbc;

    TaxInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TaxInvoice> find(UUID id) {
        return jdbc.sql("SELECT * FROM tax_invoice WHERE id = :id").param("id", id).query(TaxInvoices::row).optional();
    }

    /** A merchant's document, as the portal shows it: a void (rejected) document is not one. */
    public Optional<TaxInvoice> findVisible(UUID merchantId, Set<UUID> visibleEntities, UUID id) {
        return find(id).filter(i -> i.merchantId().equals(merchantId))
                .filter(i -> i.clearanceStatus() != ClearanceStatus.REJECTED)
                .filter(i -> visibleEntities.isEmpty() || visibleEntities.contains(i.legalEntityId()));
    }

    /**
     * The XML the merchant gets: the copy ZATCA cleared (with its stamp and QR code); with clearance switched off,
     * the stamped copy that was reported; for a Phase 1 document, the document as issued. Nothing before that.
     */
    public byte[] sharedXml(TaxInvoice document) {
        if (!document.clearanceStatus().shareable()) {
            throw new IllegalStateException(document.invoiceNumber() + " is not cleared");
        }
        String column = switch (document.clearanceStatus()) {
            case CLEARED, CLEARED_WITH_WARNINGS -> "cleared_xml";
            case REPORTED -> "signed_xml";
            default -> "xml";
        };
        return jdbc.sql("SELECT " + column + " FROM tax_invoice WHERE id = :id").param("id", document.id())
                .query(byte[].class).single();
    }

    /** The XML as issued, without a stamp: what the invoice hash is computed over. */
    public byte[] issuedXml(UUID id) {
        return jdbc.sql("SELECT xml FROM tax_invoice WHERE id = :id").param("id", id).query(byte[].class).single();
    }

    /**
     * The merchant's invoices issued on [{@code from}, {@code to}] (KSA dates, either open), newest first, at most
     * {@code limit}; {@code beforeIcv} continues a list; {@code shareableOnly} leaves out documents not cleared yet.
     */
    public List<TaxInvoice> list(UUID merchantId, Set<UUID> visibleEntities, UUID legalEntityId, LocalDate from,
            LocalDate to, Long beforeIcv, int limit, boolean shareableOnly) {
        StringBuilder sql = new StringBuilder(
                "SELECT * FROM tax_invoice WHERE merchant_id = :merchant AND clearance_status <> 'REJECTED'");
        if (shareableOnly) {
            sql.append(" AND clearance_status IN ('PHASE_1', 'CLEARED', 'CLEARED_WITH_WARNINGS', 'REPORTED')");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("merchant", merchantId);
        if (!visibleEntities.isEmpty()) {
            sql.append(" AND legal_entity_id IN (:visible)");
            params.put("visible", visibleEntities);
        }
        if (legalEntityId != null) {
            sql.append(" AND legal_entity_id = :entity");
            params.put("entity", legalEntityId);
        }
        if (from != null) {
            sql.append(" AND issue_date >= :from");
            params.put("from", Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND issue_date <= :to");
            params.put("to", Date.valueOf(to));
        }
        if (beforeIcv != null) {
            sql.append(" AND icv < :before");
            params.put("before", beforeIcv);
        }
        sql.append(" ORDER BY icv DESC LIMIT :limit");
        params.put("limit", limit);
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(TaxInvoices::row).list());
    }

    /** The issuer's chain in counter order (for operators and tests). */
    public List<TaxInvoice> chain(String issuerVatNumber) {
        return jdbc.sql("SELECT * FROM tax_invoice WHERE issuer_vat_number = :vat ORDER BY icv")
                .param("vat", issuerVatNumber).query(TaxInvoices::row).list();
    }

    private static TaxInvoice row(ResultSet rs, int n) throws SQLException {
        int scale = Currency.valueOf(rs.getString("currency")).scale();
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new TaxInvoice(
                rs.getObject("id", UUID.class),
                DocumentType.valueOf(rs.getString("document_type")),
                rs.getObject("original_invoice_id", UUID.class),
                rs.getString("billing_reference"),
                rs.getString("reason"),
                ClearanceStatus.valueOf(rs.getString("clearance_status")),
                cleared == null ? null : cleared.toInstant(),
                rs.getString("invoice_number"),
                rs.getString("issuer_vat_number"),
                rs.getLong("icv"),
                rs.getObject("merchant_id", UUID.class),
                rs.getObject("legal_entity_id", UUID.class),
                YearMonth.from(rs.getObject("billing_month", LocalDate.class)),
                rs.getTimestamp("covers_from").toInstant(),
                rs.getTimestamp("covers_to").toInstant(),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("issue_time", LocalTime.class),
                rs.getString("currency"),
                rs.getBigDecimal("taxable_amount").setScale(scale, RoundingMode.UNNECESSARY),
                rs.getBigDecimal("vat_rate"),
                rs.getBigDecimal("vat_amount").setScale(scale, RoundingMode.UNNECESSARY),
                rs.getBigDecimal("total_with_vat").setScale(scale, RoundingMode.UNNECESSARY),
                rs.getLong("fee_line_count"),
                EventJson.read(rs.getString("parties").getBytes(StandardCharsets.UTF_8), InvoiceParties.class),
                rs.getString("invoice_hash"),
                rs.getString("previous_hash"),
                rs.getString("qr"));
    }
}
