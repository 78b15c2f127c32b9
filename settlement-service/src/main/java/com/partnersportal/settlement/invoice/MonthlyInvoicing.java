package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import com.partnersportal.settlement.links.DownloadLinks;
import com.partnersportal.settlement.ledger.FeeCalculator;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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
    private final InvoiceCounter counter;
    private final TaxInvoices invoices;
    private final IssuerProperties issuer;
    private final Outbox outbox;
    private final DownloadLinks links;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonthlyInvoicing(SettlementProfiles profiles, InvoiceCounter counter, TaxInvoices invoices, IssuerProperties issuer,
            Outbox outbox, DownloadLinks links, JdbcClient jdbc, Clock clock) {
        this.profiles = profiles;
        this.counter = counter;
        this.invoices = invoices;
        this.issuer = issuer;
        this.outbox = outbox;
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
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
        Fees fees = jdbc.sql("""
                        SELECT count(*) AS lines, coalesce(sum(fee), 0) AS total FROM ledger_line
                        WHERE legal_entity_id = :entity AND currency = 'SAR' AND kind IN ('SALE', 'REFUND')
                        AND invoice_at >= :from AND invoice_at < :to""")
                .param("entity", profile.legalEntityId())
                .param("from", Timestamp.from(profile.invoiceFrom()))
                .param("to", Timestamp.from(profile.invoiceMonthEnd()))
                .query((rs, n) -> new Fees(rs.getLong("lines"), rs.getBigDecimal("total"))).single();
        if (fees.total().signum() <= 0) {
            log.info("No tax invoice for legal entity {} for the month ending {}: fees net to {}", profile.legalEntityId(),
                    profile.invoiceMonthEnd(), fees.total());
            profiles.monthClosed(profile, false);
            return List.of();
        }
        TaxInvoice invoice = issue(profile, fees);
        profiles.monthClosed(profile, true);
        return List.of(invoice);
    }

    private TaxInvoice issue(SettlementProfile profile, Fees fees) {
        InvoiceCounter.Position position = counter.lock(issuer.vatNumber());
        long icv = position.lastIcv() + 1;
        UUID id = UUID.randomUUID();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime local = LocalDateTime.ofInstant(issuedAt, TaxInvoice.KSA);
        YearMonth month = YearMonth.from(profile.invoiceMonthEnd().minusNanos(1).atZone(profile.timeZone()));
        BigDecimal vatRate = profiles.vatRate("SA");
        BigDecimal taxable = fees.total().setScale(SAR.scale(), RoundingMode.UNNECESSARY);
        BigDecimal vat = FeeCalculator.percentOf(taxable, vatRate, SAR.scale());
        InvoiceParties parties = new InvoiceParties(issuer.party(), buyer(profile), profile.address());
        InvoiceDocument document = new InvoiceDocument(DocumentType.INVOICE, null, null, issuer.invoicePrefix() + "%08d".formatted(icv), id, icv,
                position.lastHash(), local.toLocalDate(), local.toLocalTime(), month,
                profile.invoiceFrom().atZone(TaxInvoice.KSA).toLocalDate(), month.atEndOfMonth(), parties.seller(),
                parties.buyer(), parties.buyerAddressLine(), SAR.name(), taxable, vatRate, vat, taxable.add(vat));

        String hash = InvoiceHash.of(UblInvoice.write(document, null));
        String qr = ZatcaQr.of(document, hash);
        byte[] xml = UblInvoice.write(document, qr);
        jdbc.sql("""
                        INSERT INTO tax_invoice (id, invoice_number, issuer_vat_number, icv, merchant_id, legal_entity_id,
                            billing_month, covers_from, covers_to, issued_at, issue_date, issue_time, currency, taxable_amount,
                            vat_rate, vat_amount, total_with_vat, fee_line_count, parties, invoice_hash, previous_hash, qr, xml)
                        VALUES (:id, :number, :issuer, :icv, :merchant, :entity, :month, :from, :to, :issuedAt, :issueDate,
                            :issueTime, 'SAR', :taxable, :vatRate, :vat, :total, :lines, CAST(:parties AS JSONB), :hash,
                            :previousHash, :qr, :xml)""")
                .param("id", id)
                .param("number", document.invoiceNumber())
                .param("issuer", issuer.vatNumber())
                .param("icv", icv)
                .param("merchant", profile.merchantId())
                .param("entity", profile.legalEntityId())
                .param("month", Date.valueOf(month.atDay(1)))
                .param("from", Timestamp.from(profile.invoiceFrom()))
                .param("to", Timestamp.from(profile.invoiceMonthEnd()))
                .param("issuedAt", Timestamp.from(issuedAt))
                .param("issueDate", document.issueDate())
                .param("issueTime", document.issueTime())
                .param("taxable", taxable)
                .param("vatRate", vatRate)
                .param("vat", vat)
                .param("total", document.totalWithVat())
                .param("lines", fees.lines())
                .param("parties", new String(EventJson.write(parties), StandardCharsets.UTF_8))
                .param("hash", hash)
                .param("previousHash", position.lastHash())
                .param("qr", qr)
                .param("xml", xml)
                .update();
        counter.advance(issuer.vatNumber(), icv, hash);
        TaxInvoice invoice = invoices.find(id).orElseThrow();
        outbox.append(SettlementTopics.SETTLEMENT_EVENTS, id.toString(), TaxInvoiceIssued.TYPE, id.toString(),
                issuedEvent(profile, invoice));
        log.info("Issued tax invoice {} (ICV {}) to legal entity {} for {}: {} SAR", invoice.invoiceNumber(), icv,
                profile.legalEntityId(), month, invoice.totalWithVat());
        return invoice;
    }

    private static Party buyer(SettlementProfile profile) {
        return new Party(profile.legalNameEn(), profile.legalNameAr(), profile.vatNumber(),
                profile.commercialRegistration(), null, null, null, null, null, profile.countryCode());
    }

    private TaxInvoiceIssued issuedEvent(SettlementProfile profile, TaxInvoice invoice) {
        Instant expires = links.expiry();
        return new TaxInvoiceIssued(invoice.id(), invoice.invoiceNumber(), invoice.merchantId(), invoice.legalEntityId(),
                profile.legalNameEn(), profile.legalNameAr(), invoice.billingMonth().toString(), invoice.issueDate(),
                new Money(invoice.taxableAmount(), SAR), new Money(invoice.vatAmount(), SAR),
                new Money(invoice.totalWithVat(), SAR), links.link(InvoiceDownloads.pdfPath(invoice.id()), expires),
                links.link(InvoiceDownloads.xmlPath(invoice.id()), expires), expires, clock.instant());
    }
}
