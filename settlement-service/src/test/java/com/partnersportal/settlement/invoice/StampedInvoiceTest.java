package com.partnersportal.settlement.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import com.partnersportal.settlement.testing.IndependentStampVerifier;
import com.partnersportal.settlement.testing.TestCertificateAuthority;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

class StampedInvoiceTest {

    private static final TestCertificateAuthority CA = new TestCertificateAuthority();
    private static final StampIdentity EGS = CA.newIdentity("EGS-310123456700003");
    private static final Instant SIGNED_AT = Instant.parse("2026-11-30T21:00:07Z");

    @Test
    void theStampVerifiesWithThePublicKeyAloneThroughSantuario() {
        InvoiceDocument invoice = Invoices.november(4, InvoiceHash.FIRST_PREVIOUS_HASH, "1234.56");
        StampedInvoice stamped = StampedInvoice.stamp(invoice, EGS, SIGNED_AT);

        IndependentStampVerifier.Result result = IndependentStampVerifier.verify(stamped.xml());

        assertThat(result.problems()).isEmpty();
        assertThat(result.invoiceHash()).isEqualTo(stamped.invoiceHash())
                .isEqualTo(InvoiceHash.of(UblInvoice.write(invoice, null)));
        assertThat(result.certificate()).isEqualTo(EGS.certificate());
    }

    @Test
    void theQrCarriesTheHashTheSignatureAndThePublicKeyButNoTag9OnAStandardInvoice() {
        InvoiceDocument invoice = Invoices.november(5, InvoiceHash.FIRST_PREVIOUS_HASH, "1000.00");
        StampedInvoice stamped = StampedInvoice.stamp(invoice, EGS, SIGNED_AT);

        IndependentStampVerifier.Result result = IndependentStampVerifier.verify(stamped.xml());

        assertThat(result.qr()).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(result.qrText(1)).isEqualTo("شركة بوابة الشركاء للمدفوعات");
        assertThat(result.qr().get(1)).hasSize("شركة بوابة الشركاء للمدفوعات".getBytes(StandardCharsets.UTF_8).length);
        assertThat(result.qrText(4)).isEqualTo("1150.00");
        assertThat(result.qrText(5)).isEqualTo("150.00");
        assertThat(result.qrText(6)).isEqualTo(stamped.invoiceHash());
        assertThat(result.qrText(7)).isEqualTo(stamped.signatureValue());
        assertThat(result.qr().get(8)).hasSize(88).isEqualTo(EGS.certificate().getPublicKey().getEncoded());
        assertThat(stamped.qr()).isEqualTo(ZatcaQr.stamped(invoice,
                new com.partnersportal.settlement.invoice.stamp.XadesStamp.Signed(stamped.invoiceHash(),
                        stamped.signatureValue(), EGS, SIGNED_AT), false));
    }

    @Test
    void aSimplifiedDocumentsQrAlsoCarriesTheCasSignatureOfTheStampCertificateAsTag9() {
        InvoiceDocument invoice = Invoices.november(8, InvoiceHash.FIRST_PREVIOUS_HASH, "10.00");
        var signed = com.partnersportal.settlement.invoice.stamp.XadesStamp.sign(
                InvoiceHash.of(UblInvoice.write(invoice, null)), EGS, SIGNED_AT);

        var simplified = ZatcaQr.fields(ZatcaQr.stamped(invoice, signed, true));
        var standard = ZatcaQr.fields(ZatcaQr.stamped(invoice, signed, false));

        assertThat(simplified).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(simplified.get(9)).isEqualTo(EGS.certificate().getSignature());
        assertThat(standard).doesNotContainKey(9);
        assertThat(simplified.get(8)).isEqualTo(standard.get(8)).isEqualTo(EGS.certificate().getPublicKey().getEncoded());
    }

    @Test
    void aChangedAmountOrAnotherKeyIsCaught() {
        InvoiceDocument invoice = Invoices.november(6, InvoiceHash.FIRST_PREVIOUS_HASH, "200.00");
        String xml = new String(StampedInvoice.stamp(invoice, EGS, SIGNED_AT).xml(), StandardCharsets.UTF_8);

        String tampered = xml.replace("<cbc:PayableAmount currencyID=\"SAR\">230.00", "<cbc:PayableAmount currencyID=\"SAR\">23.00");
        assertThat(tampered).isNotEqualTo(xml);
        assertThat(IndependentStampVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8)).problems())
                .anyMatch(p -> p.contains("invoice digest"));

        StampIdentity impostor = new StampIdentity(CA.newIdentity("other").privateKey(), EGS.certificate());
        byte[] forged = StampedInvoice.stamp(invoice, impostor, SIGNED_AT).xml();
        assertThat(IndependentStampVerifier.verify(forged).problems())
                .anyMatch(p -> p.contains("signature value does not verify"));
    }

    @Test
    void theStampedXmlStaysValidUbl21AndKeepsTheSdksLayout() {
        InvoiceDocument invoice = Invoices.november(7, InvoiceHash.FIRST_PREVIOUS_HASH, "99.99");
        byte[] xml = StampedInvoice.stamp(invoice, EGS, SIGNED_AT).xml();

        assertThatCode(() -> Ubl21Schema.invoice().newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)))).doesNotThrowAnyException();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).matches("(?s)<\\?xml[^>]*\\?><Invoice [^>]*><ext:UBLExtensions>.*")
                .contains("</ext:UBLExtensions><cbc:ProfileID>")
                .contains("<cbc:ID>QR</cbc:ID>")
                .contains("</cac:AdditionalDocumentReference><cac:Signature><cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>")
                .contains("<xades:SigningTime>2026-11-30T21:00:07Z</xades:SigningTime>")
                .contains("<ds:X509IssuerName>CN=TSTZEINVOICE-SubCA-1, DC=extgazt, DC=gov, DC=local</ds:X509IssuerName>")
                .contains("\n" + " ".repeat(32) + "<xades:SignedProperties Id=\"xadesSignedProperties\">\n"
                        + " ".repeat(36) + "<xades:SignedSignatureProperties>");
    }
}
