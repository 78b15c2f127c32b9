package com.partnersportal.settlement.testing;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a stamped ZATCA document without the service's code: Apache Santuario computes the invoice digest through
 * the signature's own Reference (its XPath filters and C14N 1.1) and verifies the ECDSA signature with the public
 * key of the certificate in {@code ds:KeyInfo} alone; the XAdES properties are recomputed here from the document's
 * text; the QR code is read with a TLV reader of its own and compared with the XML.
 *
 * <p>ZATCA's layout departs from plain XMLDSig in two known ways, handled here deliberately: the XPath filters are
 * written {@code not(//ancestor-or-self::X)}, which a literal XPath 1.0 reading makes false for every node, so they
 * are evaluated as the relative {@code not(ancestor-or-self::X)} they mean; and the signature value signs the
 * invoice digest, not {@code ds:SignedInfo}.
 */
public final class IndependentStampVerifier {

    static {
        Init.init();
    }

    private static final Provider BC = new BouncyCastleProvider();
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /** What the check found; {@code problems} is empty when everything holds. */
    public record Result(String invoiceHash, X509Certificate certificate, Map<Integer, byte[]> qr, List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }

        public String qrText(int tag) {
            return new String(qr.get(tag), StandardCharsets.UTF_8);
        }
    }

    private IndependentStampVerifier() {
    }

    public static Result verify(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Document document = parse(xml);
            Element signatureElement = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
            if (signatureElement == null) {
                return new Result(null, null, Map.of(), List.of("no ds:Signature"));
            }
            for (Element xpath : elements(signatureElement, DS, "XPath")) {
                xpath.setTextContent(xpath.getTextContent().replace("//ancestor-or-self::", "ancestor-or-self::"));
            }
            XMLSignature signature = new XMLSignature(signatureElement, "");
            Reference invoice = signature.getSignedInfo().item(0);
            if (!"invoiceSignedData".equals(invoice.getId()) || !invoice.verify()) {
                problems.add("the invoice digest (Reference invoiceSignedData) does not match the document");
            }
            String digest = Base64.getEncoder().encodeToString(invoice.getDigestValue());

            String certificateText = text(signatureElement, DS, "X509Certificate");
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificateText)));
            PublicKey key = certificate.getPublicKey();
            byte[] signatureValue = Base64.getDecoder().decode(text(signatureElement, DS, "SignatureValue"));
            SignatureAlgorithm ecdsa = new SignatureAlgorithm(document, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, BC);
            ecdsa.initVerify(key);
            ecdsa.update(invoice.getDigestValue());
            if (!ecdsa.verify(rawRs(signatureValue))) {
                problems.add("the signature value does not verify with the certificate's public key");
            }

            String raw = new String(xml, StandardCharsets.UTF_8);
            Reference properties = signature.getSignedInfo().item(1);
            String propertiesDigest = Base64.getEncoder().encodeToString(properties.getDigestValue());
            if (!propertiesDigest.equals(hexDigestBase64(signedPropertiesAsHashed(raw)))) {
                problems.add("the SignedProperties digest does not match the signed properties");
            }
            Element signedProperties = elements(signatureElement, XADES, "SignedProperties").getFirst();
            if (!text(signedProperties, DS, "DigestValue").equals(hexDigestBase64(certificateText))) {
                problems.add("the certificate digest does not match the certificate");
            }
            if (!text(signedProperties, DS, "X509SerialNumber").equals(certificate.getSerialNumber().toString())) {
                problems.add("the issuer serial does not match the certificate");
            }
            if (!text(signedProperties, DS, "X509IssuerName").equals(reversedIssuer(certificate))) {
                problems.add("the issuer name does not match the certificate: " + text(signedProperties, DS, "X509IssuerName"));
            }

            Map<Integer, byte[]> qr = qr(document);
            checkQr(document, qr, digest, signatureValue, key, problems);
            return new Result(digest, certificate, qr, problems);
        } catch (Exception e) {
            problems.add("cannot verify: " + e);
            return new Result(null, null, Map.of(), problems);
        }
    }

    private static void checkQr(Document document, Map<Integer, byte[]> qr, String digest, byte[] signatureValue,
            PublicKey key, List<String> problems) {
        if (qr.isEmpty()) {
            problems.add("no QR code");
            return;
        }
        Element supplier = (Element) document.getElementsByTagNameNS(CAC, "AccountingSupplierParty").item(0);
        expect(qr, 1, text(supplier, CBC, "RegistrationName"), problems);
        expect(qr, 2, text(supplier, CBC, "CompanyID"), problems);
        String issued = text(document.getDocumentElement(), CBC, "IssueDate") + "T"
                + text(document.getDocumentElement(), CBC, "IssueTime");
        if (qr.containsKey(3) && new String(qr.get(3), StandardCharsets.UTF_8).equals(issued + "Z")) {
            issued += "Z"; // ZATCA's SDK appends a Z to the issue time in tag 3
        }
        expect(qr, 3, issued, problems);
        Element totals = (Element) document.getElementsByTagNameNS(CAC, "LegalMonetaryTotal").item(0);
        expect(qr, 4, text(totals, CBC, "TaxInclusiveAmount"), problems);
        Element taxTotal = (Element) document.getElementsByTagNameNS(CAC, "TaxTotal").item(0);
        expect(qr, 5, text(taxTotal, CBC, "TaxAmount"), problems);
        expect(qr, 6, digest, problems);
        expect(qr, 7, Base64.getEncoder().encodeToString(signatureValue), problems);
        if (!Arrays.equals(qr.get(8), key.getEncoded())) {
            problems.add("QR tag 8 is not the certificate's public key");
        }
    }

    private static void expect(Map<Integer, byte[]> qr, int tag, String expected, List<String> problems) {
        String actual = qr.containsKey(tag) ? new String(qr.get(tag), StandardCharsets.UTF_8) : null;
        if (!expected.equals(actual)) {
            problems.add("QR tag %d is %s, the XML says %s".formatted(tag, actual, expected));
        }
    }

    /** The QR code's TLV fields: a tag byte, a length byte, the value. */
    public static Map<Integer, byte[]> qr(Document document) {
        Map<Integer, byte[]> fields = new LinkedHashMap<>();
        for (Element reference : elements(document.getDocumentElement(), CAC, "AdditionalDocumentReference")) {
            if ("QR".equals(text(reference, CBC, "ID"))) {
                byte[] tlv = Base64.getDecoder().decode(text(reference, CBC, "EmbeddedDocumentBinaryObject"));
                for (int i = 0; i + 1 < tlv.length; ) {
                    int length = tlv[i + 1] & 0xFF;
                    fields.put(tlv[i] & 0xFF, Arrays.copyOfRange(tlv, i + 2, i + 2 + length));
                    i += 2 + length;
                }
            }
        }
        return fields;
    }

    /** The SignedProperties element as the Fatoora SDK hashes it: its text, namespaces declared inline. */
    private static String signedPropertiesAsHashed(String xml) {
        Matcher element = Pattern.compile("<xades:SignedProperties.*?</xades:SignedProperties>", Pattern.DOTALL).matcher(xml);
        if (!element.find()) {
            throw new IllegalArgumentException("no xades:SignedProperties");
        }
        return element.group()
                .replaceFirst("<xades:SignedProperties ", "<xades:SignedProperties xmlns:xades=\"" + XADES + "\" ")
                .replaceAll("<ds:(\\w+)", "<ds:$1 xmlns:ds=\"" + DS + "\"");
    }

    private static String reversedIssuer(X509Certificate certificate) {
        List<String> rdns = new ArrayList<>(List.of(certificate.getIssuerX500Principal().getName("RFC2253").split(",")));
        return String.join(", ", rdns.stream().map(rdn -> rdn.startsWith("0.9.2342.19200300.100.1.25=")
                ? "DC=" + rdn.substring(rdn.indexOf('=') + 1) : rdn).toList());
    }

    private static String hexDigestBase64(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
    }

    /** XML Signature's ECDSA value is r and s side by side; ZATCA writes the DER sequence. */
    private static byte[] rawRs(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] raw = new byte[64];
        copy(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), raw, 0);
        copy(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), raw, 32);
        return raw;
    }

    private static void copy(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Element parent, String namespace, String name) {
        NodeList list = parent.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private static String text(Element parent, String namespace, String name) {
        NodeList list = parent.getElementsByTagNameNS(namespace, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().trim();
    }
}
