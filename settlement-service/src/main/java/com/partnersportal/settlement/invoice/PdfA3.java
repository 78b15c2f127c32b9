package com.partnersportal.settlement.invoice;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Turns a rendered invoice PDF into PDF/A-3 (level B) carrying the tax document's XML: XMP metadata that declares
 * the part and level (with the title, matching the document information), an sRGB output intent, and the XML as an
 * embedded associated file ({@code /AF} on the catalog, {@code AFRelationship /Data}, {@code text/xml}). The fonts are
 * embedded by {@link InvoicePdf} already.
 */
final class PdfA3 {

    private PdfA3() {
    }

    static void make(PDDocument pdf, String title, Calendar created, byte[] xml, String fileName) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(3);
        try {
            pdfa.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator("Partners Portal settlement-service");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(created);
        basic.setCreatorTool("Partners Portal settlement-service");
        xmp.createAndAddAdobePDFSchema().setProducer("Partners Portal settlement-service");
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialised, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(serialised.toByteArray());
        pdf.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(pdf,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        pdf.getDocumentCatalog().addOutputIntent(intent);

        PDEmbeddedFile embedded = new PDEmbeddedFile(pdf, new ByteArrayInputStream(xml));
        embedded.setSubtype("text/xml");
        embedded.setSize(xml.length);
        embedded.setCreationDate(created);
        embedded.setModDate(created);
        PDComplexFileSpecification file = new PDComplexFileSpecification();
        file.setFile(fileName);
        file.setFileUnicode(fileName);
        file.setFileDescription("The tax document as cleared by ZATCA (UBL 2.1)");
        file.setEmbeddedFile(embedded);
        file.setEmbeddedFileUnicode(embedded);
        file.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of(fileName, file));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
        names.setEmbeddedFiles(files);
        pdf.getDocumentCatalog().setNames(names);
        COSArray associated = new COSArray(List.of(file.getCOSObject()));
        pdf.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }
}
