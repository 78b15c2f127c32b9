package com.partnersportal.settlement.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class UblInvoiceTest {

    @Test
    void theXmlIsValidAgainstTheOfficialUbl21InvoiceSchema() throws Exception {
        InvoiceDocument invoice = Invoices.november(1, InvoiceHash.FIRST_PREVIOUS_HASH, "1234.56");
        String hash = InvoiceHash.of(UblInvoice.write(invoice, null));
        byte[] xml = UblInvoice.write(invoice, ZatcaQr.of(invoice, hash));

        assertThatCode(() -> Ubl21Schema.invoice().newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)))).doesNotThrowAnyException();
    }

    @Test
    void theXmlStatesWhatZatcaAsksOfAStandardInvoice() {
        InvoiceDocument invoice = Invoices.november(7, "cHJldmlvdXM=", "100.00");
        String xml = new String(UblInvoice.write(invoice, "UVI="), StandardCharsets.UTF_8);

        assertThat(xml).contains("<cbc:ProfileID>reporting:1.0</cbc:ProfileID>")
                .contains("<cbc:ID>INV-00000007</cbc:ID>")
                .contains("<cbc:UUID>" + invoice.uuid() + "</cbc:UUID>")
                .contains("<cbc:IssueDate>2026-12-01</cbc:IssueDate><cbc:IssueTime>00:00:05</cbc:IssueTime>")
                .contains("<cbc:InvoiceTypeCode name=\"0100000\">388</cbc:InvoiceTypeCode>")
                .contains("<cbc:ID>ICV</cbc:ID><cbc:UUID>7</cbc:UUID>")
                .contains("<cbc:ID>PIH</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">cHJldmlvdXM=")
                .contains("<cbc:ID>QR</cbc:ID>")
                .contains("<cbc:CompanyID>310123456700003</cbc:CompanyID>")
                .contains("<cbc:CompanyID>300000000000003</cbc:CompanyID>")
                .contains("<cbc:RegistrationName>شركة بوابة الشركاء للمدفوعات</cbc:RegistrationName>")
                .contains("<cbc:TaxableAmount currencyID=\"SAR\">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID=\"SAR\">15.00</cbc:TaxAmount>")
                .contains("<cbc:Percent>15.00</cbc:Percent>")
                .contains("<cbc:TaxInclusiveAmount currencyID=\"SAR\">115.00</cbc:TaxInclusiveAmount>")
                .contains("<cbc:PayableAmount currencyID=\"SAR\">115.00</cbc:PayableAmount>")
                .contains("<cbc:ActualDeliveryDate>2026-11-30</cbc:ActualDeliveryDate>")
                .doesNotContain("\n<");
    }

    @Test
    void theFirstPreviousHashIsTheBase64OfTheHexSha256OfZero() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("0".getBytes(StandardCharsets.UTF_8)));
        assertThat(InvoiceHash.FIRST_PREVIOUS_HASH)
                .isEqualTo(Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==");
    }

    @Test
    void theHashIgnoresTheQrReferenceAndCoversEverythingElse() throws Exception {
        InvoiceDocument invoice = Invoices.november(3, InvoiceHash.FIRST_PREVIOUS_HASH, "50.00");
        byte[] withoutQr = UblInvoice.write(invoice, null);
        String hash = InvoiceHash.of(withoutQr);
        byte[] withQr = UblInvoice.write(invoice, ZatcaQr.of(invoice, hash));

        assertThat(InvoiceHash.of(withQr)).isEqualTo(hash);
        // Recomputed by hand: the SHA-256 of the C14N 1.1 form of the XML without the QR reference.
        Document document = UblInvoice.parse(withoutQr);
        byte[] canonical = InvoiceHash.canonical(document);
        assertThat(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical))).isEqualTo(hash);
        assertThat(new String(canonical, StandardCharsets.UTF_8)).startsWith("<Invoice xmlns=")
                .doesNotContain("<?xml");

        InvoiceDocument changed = Invoices.november(3, InvoiceHash.FIRST_PREVIOUS_HASH, "50.01");
        assertThat(InvoiceHash.of(UblInvoice.write(changed, null))).isNotEqualTo(hash);
    }

    @Test
    void theQrCodeIsTlvWithLengthsInUtf8Bytes() {
        InvoiceDocument invoice = Invoices.november(1, InvoiceHash.FIRST_PREVIOUS_HASH, "1000.00");
        String qr = ZatcaQr.of(invoice, "aGFzaA==");
        byte[] tlv = Base64.getDecoder().decode(qr);

        assertThat(tlv[0]).isEqualTo((byte) 1);
        int nameBytes = Invoices.PROVIDER.nameAr().getBytes(StandardCharsets.UTF_8).length;
        assertThat(nameBytes).isGreaterThan(Invoices.PROVIDER.nameAr().length());
        assertThat(tlv[1] & 0xFF).isEqualTo(nameBytes);
        assertThat(ZatcaQr.decode(qr)).containsExactly(
                Map.entry(1, Invoices.PROVIDER.nameAr()),
                Map.entry(2, "310123456700003"),
                Map.entry(3, "2026-12-01T00:00:05"),
                Map.entry(4, "1150.00"),
                Map.entry(5, "150.00"),
                Map.entry(6, "aGFzaA=="));
    }
}
