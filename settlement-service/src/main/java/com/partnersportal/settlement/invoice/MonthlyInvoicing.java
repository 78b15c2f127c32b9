package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.ledger.FeeCalculator;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues each KSA legal entity's monthly tax invoice for the provider's fees when its month ends (midnight,
 * Asia/Riyadh). The fees are those of the entity's SAR lines not invoiced yet (a late line joins the next month's
 * invoice); the VAT is 15 % of their sum, rounded once. A month whose fees net to zero or less (refunds returned
 * more fees than sales charged) gets no invoice: its lines stay uninvoiced and join the next month's. Entities
 * outside KSA never get one.
 */
@Service
public class MonthlyInvoicing {

    private static final Logger log = LoggerFactory.getLogger(MonthlyInvoicing.class);
    private static final Currency SAR = Currency.SAR;

    private final SettlementProfiles profiles;
    private final DocumentIssuer documents;
    private final FeeNotes notes;
    private final IssuerProperties issuer;
    private final JdbcClient jdbc;

    MonthlyInvoicing(SettlementProfiles profiles, DocumentIssuer documents, FeeNotes notes, IssuerProperties issuer,
            JdbcClient jdbc) {
        this.profiles = profiles;
        this.documents = documents;
        this.notes = notes;
        this.issuer = issuer;
        this.jdbc = jdbc;
    }

    /** Closes the entity's invoicing month if it ended by {@code now}; empty when nothing was closed. */
    @Transactional
    public Optional<List<TaxInvoice>> closeIfDue(UUID legalEntityId, Instant now) {
        return profiles.lockForInvoicing(legalEntityId, now).map(this::close);
    }

    /** Closes the entity's open invoicing month at once (the sandbox's "invoice this month now"). */
    @Transactional
    public Optional<List<TaxInvoice>> closeNow(UUID legalEntityId) {
        return profiles.lockForInvoicing(legalEntityId, null).map(this::close);
    }

    private record Fees(long lines, BigDecimal total) {
    }

    private List<TaxInvoice> close(SettlementProfile profile) {
        if (!profile.sellsInKsa()) {
            profiles.monthClosed(profile, false);
            return List.of();
        }
        List<TaxInvoice> issued = new ArrayList<>(notes.refundNotes(profile));
        // The month's own fees: its lines' fees, less what corrects fees an earlier invoice stated (those are notes').
        Fees fees = jdbc.sql("""
                        SELECT (SELECT count(*) FROM ledger_line WHERE legal_entity_id = :entity AND currency = 'SAR'
                                    AND kind IN ('SALE', 'REFUND') AND invoice_at >= :from AND invoice_at < :to) AS lines,
                            (SELECT coalesce(sum(fee), 0) FROM ledger_line WHERE legal_entity_id = :entity
                                    AND currency = 'SAR' AND kind IN ('SALE', 'REFUND', 'FEE_CORRECTION')
                                    AND invoice_at >= :from AND invoice_at < :to)
                            - (SELECT coalesce(sum(fee_change), 0) FROM invoiced_fee_change WHERE legal_entity_id = :entity
                                    AND booked_at >= :from AND booked_at < :to) AS total""")
                .param("entity", profile.legalEntityId())
                .param("from", Timestamp.from(profile.invoiceFrom()))
                .param("to", Timestamp.from(profile.invoiceMonthEnd()))
                .query((rs, n) -> new Fees(rs.getLong("lines"), rs.getBigDecimal("total"))).single();
        if (fees.total().signum() <= 0) {
            log.info("No tax invoice for legal entity {} for the month ending {}: fees net to {}", profile.legalEntityId(),
                    profile.invoiceMonthEnd(), fees.total());
            profiles.monthClosed(profile, false);
            return issued;
        }
        issued.add(issue(profile, fees));
        profiles.monthClosed(profile, true);
        return issued;
    }

    private TaxInvoice issue(SettlementProfile profile, Fees fees) {
        YearMonth month = YearMonth.from(profile.invoiceMonthEnd().minusNanos(1).atZone(profile.timeZone()));
        BigDecimal vatRate = profiles.vatRate("SA");
        BigDecimal taxable = fees.total().setScale(SAR.scale(), RoundingMode.UNNECESSARY);
        BigDecimal vat = FeeCalculator.percentOf(taxable, vatRate, SAR.scale());
        InvoiceParties parties = new InvoiceParties(issuer.party(), buyer(profile), profile.address());
        TaxInvoice invoice = documents.issue(new DocumentIssuer.NewDocument(DocumentType.INVOICE, null, null,
                profile.merchantId(), profile.legalEntityId(), month, profile.invoiceFrom(), profile.invoiceMonthEnd(),
                parties, taxable, vatRate, vat, fees.lines()));
        log.info("Issued tax invoice {} (ICV {}) to legal entity {} for {}: {} SAR; queued for clearance",
                invoice.invoiceNumber(), invoice.icv(), profile.legalEntityId(), month, invoice.totalWithVat());
        return invoice;
    }

    /** The entity as an invoice names it, from the facts identity gave (as they are now). */
    static Party buyer(SettlementProfile profile) {
        return new Party(profile.legalNameEn(), profile.legalNameAr(), profile.vatNumber(),
                profile.commercialRegistration(), null, null, null, null, null, profile.countryCode());
    }
}
