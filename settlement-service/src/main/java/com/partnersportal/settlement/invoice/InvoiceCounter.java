package com.partnersportal.settlement.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issuer's one gap-free invoice sequence. The counter row is locked for the rest of the issuing transaction, so
 * invoices are numbered strictly one after the other and a rolled-back issue leaves no gap (a database sequence
 * would).
 */
@Repository
class InvoiceCounter {

    private final JdbcClient jdbc;

    InvoiceCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Position(long lastIcv, String lastHash) {
    }

    Position lock(String issuerVatNumber) {
        jdbc.sql("""
                        INSERT INTO invoice_counter (issuer_vat_number, last_icv, last_hash) VALUES (:vat, 0, :first)
                        ON CONFLICT DO NOTHING""")
                .param("vat", issuerVatNumber).param("first", InvoiceHash.FIRST_PREVIOUS_HASH).update();
        return jdbc.sql("SELECT last_icv, last_hash FROM invoice_counter WHERE issuer_vat_number = :vat FOR UPDATE")
                .param("vat", issuerVatNumber)
                .query((rs, n) -> new Position(rs.getLong("last_icv"), rs.getString("last_hash"))).single();
    }

    /** Moves the counter past {@code icv}; anything but the next number rolls the issue back. */
    void advance(String issuerVatNumber, long icv, String hash) {
        int moved = jdbc.sql("""
                        UPDATE invoice_counter SET last_icv = :icv, last_hash = :hash
                        WHERE issuer_vat_number = :vat AND last_icv = :icv - 1""")
                .param("vat", issuerVatNumber).param("icv", icv).param("hash", hash).update();
        if (moved != 1) {
            throw new IllegalStateException("invoice counter of " + issuerVatNumber + " is not at " + (icv - 1));
        }
    }
}
