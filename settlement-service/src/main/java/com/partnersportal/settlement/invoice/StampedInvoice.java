package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import com.partnersportal.settlement.invoice.stamp.XadesStamp;
import java.time.Instant;

/**
 * A document with ZATCA's cryptographic stamp: its XML with the XAdES signature in {@code ext:UBLExtensions}, the
 * {@code cac:Signature} pointer, and the QR code with tags 1-8 (9 for simplified documents). For a standard
 * (cleared) document the stamp and QR that count are the ones ZATCA adds at clearance; it is signed all the same,
 * as ZATCA's SDK does, so that it is also valid if clearance is switched off and it must be reported instead.
 *
 * @param xml         the exact bytes that are submitted and whose hash is {@code invoiceHash}
 * @param invoiceHash unchanged by the stamp: the signature, its pointer and the QR are outside what is hashed
 */
public record StampedInvoice(byte[] xml, String invoiceHash, String signatureValue, String qr) {

    public static StampedInvoice stamp(InvoiceDocument document, StampIdentity identity, Instant signingTime) {
        String hash = InvoiceHash.of(UblInvoice.write(document, null));
        XadesStamp.Signed signed = XadesStamp.sign(hash, identity, signingTime);
        String qr = ZatcaQr.stamped(document, signed, document.simplified());
        byte[] xml = XadesStamp.envelop(UblInvoice.write(document, qr, true), signed);
        String stampedHash = InvoiceHash.of(xml);
        if (!stampedHash.equals(hash)) {
            throw new IllegalStateException("stamping changed the hashed content of " + document.invoiceNumber()
                    + ": " + hash + " became " + stampedHash);
        }
        return new StampedInvoice(xml, hash, signed.signatureValue(), qr);
    }
}
