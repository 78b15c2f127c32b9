package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import com.partnersportal.settlement.contract.TaxNoteIssued;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what ZATCA answered about a submission, in one transaction each: the answer itself (for operators), the
 * document's new status, and — when it was cleared or reported — the cleared copy and the event that lets the
 * merchant be told (through the outbox, so the mail goes out exactly when the clearance is recorded).
 */
@Component
class ClearanceRecorder {

    private static final Logger log = LoggerFactory.getLogger(ClearanceRecorder.class);

    private final JdbcClient jdbc;
    private final TaxInvoices invoices;
    private final Outbox outbox;
    private final SignedLinks links;
    private final Clock clock;
    private final MeterRegistry meters;

    ClearanceRecorder(JdbcClient jdbc, TaxInvoices invoices, Outbox outbox, SignedLinks links, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.meters = meters;
    }

    /** ZATCA cleared (or, with clearance off, accepted the report of) the document. */
    @Transactional
    void cleared(Submissions.Claim claim, FatooraModels.Answer answer, String outcome, byte[] clearedXml) {
        ClearanceStatus status = switch (outcome) {
            case "REPORTED" -> ClearanceStatus.REPORTED;
            default -> warnings(answer).isEmpty() ? ClearanceStatus.CLEARED : ClearanceStatus.CLEARED_WITH_WARNINGS;
        };
        String qr = clearedXml == null ? claim.stampedQr() : qrOf(clearedXml);
        jdbc.sql("""
                        UPDATE tax_invoice SET clearance_status = :status, cleared_xml = :cleared, cleared_at = :now,
                            qr = :qr
                        WHERE id = :id AND clearance_status = 'PENDING'""")
                .param("id", claim.documentId()).param("status", status.name()).param("cleared", clearedXml)
                .param("now", Timestamp.from(clock.instant())).param("qr", qr).update();
        finish(claim, answer, outcome, null);
        TaxInvoice document = invoices.find(claim.documentId()).orElseThrow();
        announce(document);
        log.info("ZATCA {} {} {} (HTTP {}, {} warnings)", outcome.toLowerCase(), document.documentType().wireName(),
                document.invoiceNumber(), answer.status(), warnings(answer).size());
    }

    /** ZATCA rejected the document (400): it stays in the chain, void, never shared; operators see why. */
    @Transactional
    void rejected(Submissions.Claim claim, FatooraModels.Answer answer) {
        jdbc.sql("UPDATE tax_invoice SET clearance_status = 'REJECTED' WHERE id = :id AND clearance_status = 'PENDING'")
                .param("id", claim.documentId()).update();
        finish(claim, answer, "REJECTED", null);
        log.warn("ZATCA rejected {} (ICV {}): {}", claim.invoiceNumber(), claim.icv(), errors(answer));
    }

    /** No final answer: the submission waits {@code wait} and is tried again (with the same bytes). */
    @Transactional
    void retryLater(Submissions.Claim claim, FatooraModels.Answer answer, String outcome, String detail, Duration wait,
            boolean switchToReporting) {
        record(claim, answer, outcome, detail);
        jdbc.sql("""
                        UPDATE zatca_submission SET state = 'QUEUED', lease_until = NULL, next_attempt_at = :next,
                            last_error = :detail, endpoint = CASE WHEN :report THEN 'REPORTING' ELSE endpoint END,
                            updated_at = :now
                        WHERE document_id = :id""")
                .param("id", claim.documentId()).param("next", Timestamp.from(clock.instant().plus(wait)))
                .param("detail", detail).param("report", switchToReporting)
                .param("now", Timestamp.from(clock.instant())).update();
        meters.counter("portal.zatca.submissions", "outcome", outcome.toLowerCase()).increment();
    }

    private void finish(Submissions.Claim claim, FatooraModels.Answer answer, String outcome, String detail) {
        record(claim, answer, outcome, detail);
        jdbc.sql("""
                        UPDATE zatca_submission SET state = 'DONE', lease_until = NULL, last_error = NULL, updated_at = :now
                        WHERE document_id = :id""")
                .param("id", claim.documentId()).param("now", Timestamp.from(clock.instant())).update();
        meters.counter("portal.zatca.submissions", "outcome", outcome.toLowerCase()).increment();
    }

    private void record(Submissions.Claim claim, FatooraModels.Answer answer, String outcome, String detail) {
        jdbc.sql("""
                        INSERT INTO zatca_response (document_id, attempt, endpoint, http_status, outcome, warnings, errors,
                            detail, received_at)
                        VALUES (:id, :attempt, :endpoint, :status, :outcome, CAST(:warnings AS JSONB), CAST(:errors AS JSONB),
                            :detail, :now)""")
                .param("id", claim.documentId()).param("attempt", claim.attempt()).param("endpoint", claim.endpoint())
                .param("status", answer == null ? null : answer.status()).param("outcome", outcome)
                .param("warnings", json(warnings(answer))).param("errors", json(errors(answer)))
                .param("detail", detail).param("now", Timestamp.from(clock.instant())).update();
    }

    private void announce(TaxInvoice document) {
        Instant expires = links.expiry();
        String pdf = links.link(InvoiceDownloads.pdfPath(document.id()), expires);
        String xml = links.link(InvoiceDownloads.xmlPath(document.id()), expires);
        Party buyer = document.parties().buyer();
        Currency sar = Currency.SAR;
        if (document.documentType() == DocumentType.INVOICE) {
            outbox.append(SettlementTopics.SETTLEMENT_EVENTS, document.id().toString(), TaxInvoiceIssued.TYPE,
                    document.id().toString(), new TaxInvoiceIssued(document.id(), document.invoiceNumber(),
                            document.merchantId(), document.legalEntityId(), buyer.nameEn(), buyer.nameAr(),
                            document.billingMonth().toString(), document.issueDate(), new Money(document.taxableAmount(), sar),
                            new Money(document.vatAmount(), sar), new Money(document.totalWithVat(), sar), pdf, xml, expires,
                            clock.instant()));
        } else {
            outbox.append(SettlementTopics.SETTLEMENT_EVENTS, document.id().toString(), TaxNoteIssued.TYPE,
                    document.id().toString(), new TaxNoteIssued(document.id(), document.invoiceNumber(),
                            document.documentType().wireName(), document.originalInvoiceId(), document.billingReference(),
                            document.reason(), document.merchantId(), document.legalEntityId(), buyer.nameEn(),
                            buyer.nameAr(), document.issueDate(), new Money(document.taxableAmount(), sar),
                            new Money(document.vatAmount(), sar), new Money(document.totalWithVat(), sar), pdf, xml, expires,
                            clock.instant()));
        }
    }

    private static String qrOf(byte[] xml) {
        var references = UblInvoice.parse(xml).getElementsByTagNameNS(UblInvoice.CAC, "AdditionalDocumentReference");
        for (int i = 0; i < references.getLength(); i++) {
            var reference = (org.w3c.dom.Element) references.item(i);
            if ("QR".equals(reference.getElementsByTagNameNS(UblInvoice.CBC, "ID").item(0).getTextContent().trim())) {
                return reference.getElementsByTagNameNS(UblInvoice.CBC, "EmbeddedDocumentBinaryObject").item(0)
                        .getTextContent().trim();
            }
        }
        throw new IllegalArgumentException("the cleared document has no QR code");
    }

    static List<FatooraModels.Message> warnings(FatooraModels.Answer answer) {
        return answer == null || answer.result() == null || answer.result().validationResults() == null ? List.of()
                : answer.result().validationResults().warnings();
    }

    static List<FatooraModels.Message> errors(FatooraModels.Answer answer) {
        return answer == null || answer.result() == null || answer.result().validationResults() == null ? List.of()
                : answer.result().validationResults().errors();
    }

    private static String json(List<FatooraModels.Message> messages) {
        return new String(EventJson.write(messages), StandardCharsets.UTF_8);
    }
}
