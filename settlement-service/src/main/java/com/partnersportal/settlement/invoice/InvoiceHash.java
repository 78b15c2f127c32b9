package com.partnersportal.settlement.invoice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * ZATCA's invoice hash: the base64 of the SHA-256 of the invoice's C14N 1.1 canonical XML, without
 * {@code ext:UBLExtensions}, {@code cac:Signature} and the QR code's {@code cac:AdditionalDocumentReference}.
 * Each invoice carries the previous one's hash (PIH), so the issuer's invoices form a chain.
 */
public final class InvoiceHash {

    /** The PIH of an issuer's first invoice: the base64 of the hex text of SHA-256("0"). */
    public static final String FIRST_PREVIOUS_HASH = Base64.getEncoder().encodeToString(
            HexFormat.of().formatHex(sha256("0".getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII));

    static {
        Init.init();
    }

    private InvoiceHash() {
    }

    public static String of(byte[] invoiceXml) {
        Document document = UblInvoice.parse(invoiceXml);
        removeExcluded(document);
        return Base64.getEncoder().encodeToString(sha256(canonical(document)));
    }

    /** The C14N 1.1 form (comments omitted) of the document as it is. */
    static byte[] canonical(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalizeSubtree(document, out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot canonicalise the invoice", e);
        }
    }

    private static void removeExcluded(Document document) {
        List<Node> excluded = new ArrayList<>();
        Element root = document.getDocumentElement();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (is(element, UblInvoice.EXT, "UBLExtensions")
                    || is(element, UblInvoice.CAC, "Signature") || isQrReference(element))) {
                excluded.add(element);
            }
        }
        excluded.forEach(root::removeChild);
    }

    private static boolean isQrReference(Element element) {
        if (!is(element, UblInvoice.CAC, "AdditionalDocumentReference")) {
            return false;
        }
        NodeList ids = element.getElementsByTagNameNS(UblInvoice.CBC, "ID");
        return ids.getLength() > 0 && "QR".equals(ids.item(0).getTextContent().trim());
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
