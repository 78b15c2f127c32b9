package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.invoice.egs.EgsUnits;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of documents to submit to ZATCA, in chain order. A claim takes the issuer's first unfinished document
 * (lowest ICV) under its row lock and commits, before anything is sent: the document is stamped the first time (the
 * exact bytes are stored and every attempt sends them again), and leased to this replica. Another replica finds the
 * lease and waits; a lease that ran out (its replica died mid-send) is claimed again.
 */
@Repository
class Submissions {

    private final JdbcClient jdbc;
    private final TaxInvoices invoices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Submissions(JdbcClient jdbc, TaxInvoices invoices, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A claimed submission: the document, the bytes to send, which attempt this is and where it goes. */
    record Claim(UUID documentId, long icv, String invoiceNumber, int attempt, String endpoint, byte[] signedXml,
            String invoiceHash, String stampedQr) {
    }

    private record Head(UUID documentId, String state, Instant leaseUntil, Instant nextAttemptAt, int attempts,
            String endpoint) {
    }

    Optional<Claim> claimNext(String issuerVatNumber, EgsUnits.Active signer, Duration lease) {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<Head> head = jdbc.sql("""
                            SELECT document_id, state, lease_until, next_attempt_at, attempts, endpoint FROM zatca_submission
                            WHERE issuer_vat_number = :vat AND state <> 'DONE' ORDER BY icv LIMIT 1 FOR UPDATE""")
                    .param("vat", issuerVatNumber)
                    .query((rs, n) -> new Head(rs.getObject("document_id", UUID.class), rs.getString("state"),
                            instant(rs.getTimestamp("lease_until")), instant(rs.getTimestamp("next_attempt_at")),
                            rs.getInt("attempts"), rs.getString("endpoint")))
                    .optional();
            if (head.isEmpty()
                    || head.get().state().equals("SENDING") && head.get().leaseUntil().isAfter(now)
                    || head.get().nextAttemptAt().isAfter(now)) {
                return Optional.<Claim>empty();
            }
            TaxInvoice document = invoices.find(head.get().documentId()).orElseThrow();
            byte[] signed = jdbc.sql("SELECT signed_xml FROM tax_invoice WHERE id = :id").param("id", document.id())
                    .query(byte[].class).optional().orElse(null);
            String qr = document.qr();
            if (signed == null) {
                StampedInvoice stamped = StampedInvoice.stamp(document.document(), signer.identity(), now);
                if (!stamped.invoiceHash().equals(document.invoiceHash())) {
                    throw new IllegalStateException(document.invoiceNumber() + " no longer hashes to its issued hash "
                            + document.invoiceHash() + " (now " + stamped.invoiceHash() + "): not submitted");
                }
                signed = stamped.xml();
                qr = stamped.qr();
                jdbc.sql("UPDATE tax_invoice SET signed_xml = :xml, qr = :qr WHERE id = :id")
                        .param("id", document.id()).param("xml", signed).param("qr", qr).update();
            }
            int attempt = head.get().attempts() + 1;
            jdbc.sql("""
                            UPDATE zatca_submission SET state = 'SENDING', lease_until = :lease, attempts = :attempt,
                                updated_at = :now WHERE document_id = :id""")
                    .param("id", document.id()).param("lease", Timestamp.from(now.plus(lease)))
                    .param("attempt", attempt).param("now", Timestamp.from(now)).update();
            return Optional.of(new Claim(document.id(), document.icv(), document.invoiceNumber(), attempt,
                    head.get().endpoint(), signed, document.invoiceHash(), qr));
        });
    }

    /** Brings a waiting submission forward (operators, after fixing the cause). */
    boolean retryNow(UUID documentId) {
        return jdbc.sql("""
                        UPDATE zatca_submission SET next_attempt_at = :now, updated_at = :now
                        WHERE document_id = :id AND state = 'QUEUED'""")
                .param("id", documentId).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** Forgets the stamps of the documents ZATCA has not yet answered, so that the next claim stamps them again. */
    void unstampUnfinished(String issuerVatNumber) {
        jdbc.sql("""
                        UPDATE tax_invoice SET signed_xml = NULL WHERE id IN (SELECT document_id FROM zatca_submission
                            WHERE issuer_vat_number = :vat AND state <> 'DONE')""")
                .param("vat", issuerVatNumber).update();
    }

    long unfinished() {
        return jdbc.sql("SELECT count(*) FROM zatca_submission WHERE state <> 'DONE'").query(Long.class).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
