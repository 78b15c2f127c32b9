package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.profile.SettlementProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a rejected document again, once its cause is fixed (for instance the buyer's data, which identity sends):
 * a new document with the same amounts, period, reference and reason, the parties as they are now, the next ICV and
 * a new UUID, in the same chain; it names the document it replaces and is cleared like any other. ZATCA asks that a
 * rejected document be corrected this way rather than resent.
 */
@Service
class Reissues {

    private static final Logger log = LoggerFactory.getLogger(Reissues.class);

    private final TaxInvoices invoices;
    private final DocumentIssuer documents;
    private final SettlementProfiles profiles;
    private final IssuerProperties issuer;
    private final JdbcClient jdbc;

    Reissues(TaxInvoices invoices, DocumentIssuer documents, SettlementProfiles profiles, IssuerProperties issuer,
            JdbcClient jdbc) {
        this.invoices = invoices;
        this.documents = documents;
        this.profiles = profiles;
        this.issuer = issuer;
        this.jdbc = jdbc;
    }

    @Transactional
    TaxInvoice reissue(TaxInvoice rejected) {
        if (rejected.clearanceStatus() != ClearanceStatus.REJECTED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "document_not_rejected",
                    "Only a document ZATCA rejected is issued again.");
        }
        if (jdbc.sql("SELECT count(*) FROM tax_invoice WHERE replaces_id = :id").param("id", rejected.id())
                .query(Long.class).single() > 0) {
            throw alreadyReissued();
        }
        try {
            return issueAgain(rejected);
        } catch (DuplicateKeyException e) {
            throw alreadyReissued(); // a concurrent reissue won
        }
    }

    private static ApiProblem alreadyReissued() {
        return new ApiProblem(HttpStatus.CONFLICT, "document_already_reissued",
                "This rejected document was issued again already.");
    }

    private TaxInvoice issueAgain(TaxInvoice rejected) {
        var profile = profiles.find(rejected.legalEntityId()).orElseThrow();
        InvoiceParties parties = new InvoiceParties(issuer.party(), MonthlyInvoicing.buyer(profile), profile.address());
        TaxInvoice original = rejected.originalInvoiceId() == null ? null
                : invoices.find(rejected.originalInvoiceId()).orElseThrow();
        TaxInvoice replacement = documents.issue(new DocumentIssuer.NewDocument(rejected.documentType(), original,
                rejected.reason(), rejected.merchantId(), rejected.legalEntityId(), rejected.billingMonth(),
                rejected.coversFrom(), rejected.coversTo(), parties, rejected.taxableAmount(), rejected.vatRate(),
                rejected.vatAmount(), rejected.feeLineCount()));
        jdbc.sql("UPDATE tax_invoice SET replaces_id = :old WHERE id = :id")
                .param("old", rejected.id()).param("id", replacement.id()).update();
        jdbc.sql("UPDATE invoiced_fee_change SET note_id = :new WHERE note_id = :old")
                .param("new", replacement.id()).param("old", rejected.id()).update();
        log.info("Rejected {} issued again as {} (ICV {})", rejected.invoiceNumber(), replacement.invoiceNumber(),
                replacement.icv());
        return replacement;
    }
}
