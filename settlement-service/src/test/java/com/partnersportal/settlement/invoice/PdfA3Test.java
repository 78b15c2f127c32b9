package com.partnersportal.settlement.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import com.partnersportal.settlement.testing.TestCertificateAuthority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF a merchant downloads is a PDF/A-3 that carries the tax document's XML and shows its QR code. */
class PdfA3Test {

    @Test
    void thePdfIsAPdfA3CarryingTheXmlAsAnAssociatedFile() throws Exception {
        StampIdentity egs = new TestCertificateAuthority().newIdentity("EGS");
        InvoiceDocument invoice = Invoices.november(9, InvoiceHash.FIRST_PREVIOUS_HASH, "500.00");
        StampedInvoice stamped = StampedInvoice.stamp(invoice, egs, Instant.parse("2026-12-01T00:00:09Z"));

        byte[] pdf = InvoicePdf.render(invoice, stamped.qr(), stamped.invoiceHash(), stamped.xml(), "Cleared by ZATCA");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part(>|=\")3").containsPattern("pdfaid:conformance(>|=\")B")
                    .contains("Tax Invoice " + invoice.invoiceNumber());
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentCatalog().getOutputIntents().getFirst().getOutputConditionIdentifier())
                    .isEqualTo("sRGB IEC61966-2.1");

            PDComplexFileSpecification file = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(invoice.invoiceNumber() + ".xml");
            assertThat(file.getEmbeddedFile().toByteArray()).isEqualTo(stamped.xml());
            assertThat(file.getEmbeddedFile().getSubtype()).isEqualTo("text/xml");
            assertThat(file.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
            COSArray associated = (COSArray) document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertThat(((COSDictionary) associated.getObject(0))).isSameAs(file.getCOSObject());

            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(new PDFTextStripper().getText(document)).contains("Cleared by ZATCA").contains(invoice.invoiceNumber());
        }
    }
}
