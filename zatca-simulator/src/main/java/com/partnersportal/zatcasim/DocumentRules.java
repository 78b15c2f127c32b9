package com.partnersportal.zatcasim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
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
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The checks the simulator makes on a submitted document, as ZATCA's validator reports them: errors reject it,
 * warnings let it through. It recomputes the invoice hash itself and checks the taxpayer's stamp against the
 * certificate the request authenticated with.
 */
final class DocumentRules {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    static {
        Init.init();
    }

    private DocumentRules() {
    }

    record Verdict(String hash, String typeCode, String typeName, List<Map<String, String>> errors,
            List<Map<String, String>> warnings, List<Map<String, String>> infos, Document document) {

        boolean rejected() {
            return !errors.isEmpty();
        }

        boolean standard() {
            return typeName != null && typeName.startsWith("01");
        }
    }

    static Verdict check(byte[] xml, String requestHash, String requestUuid, X509Certificate credential) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<Map<String, String>> warnings = new ArrayList<>();
        List<Map<String, String>> infos = new ArrayList<>();
        Document document;
        try {
            document = parse(xml);
        } catch (Exception e) {
            errors.add(message("ERROR", "XSD_ZATCA_INVALID", "XSD validation", "The document is not well-formed XML: " + e.getMessage()));
            return new Verdict(null, null, null, errors, warnings, infos, null);
        }
        infos.add(message("INFO", "XSD_ZATCA_VALID", "XSD validation", "Complied with UBL 2.1 standards in line with ZATCA specifications"));
        Element root = document.getDocumentElement();
        String hash = hash(document);
        if (!hash.equals(requestHash)) {
            errors.add(message("ERROR", "invalid-invoice-hash", "INVOICE_HASHING_ERRORS",
                    "The invoice hash API body does not match the (calculated) Hash of the XML"));
        }
        if (!text(root, CBC, "UUID").equals(requestUuid)) {
            errors.add(message("ERROR", "INVOICE_UUID_VALIDATION", "MISSING_UUID_IN_INVOICE",
                    "UUID provided in the invoice doesn't match UUID in the provided Request"));
        }
        Element type = child(root, CBC, "InvoiceTypeCode");
        String typeCode = type == null ? "" : type.getTextContent().trim();
        String typeName = type == null ? "" : type.getAttribute("name");
        if (!List.of("388", "381", "383").contains(typeCode) || !typeName.matches("0[12]\\d{5}")) {
            errors.add(message("ERROR", "BR-KSA-05", "KSA", "The invoice type code must be 388, 381 or 383 with a subtype name 01xxxxx or 02xxxxx"));
        }
        if (!"388".equals(typeCode)) {
            Element billing = child(root, CAC, "BillingReference");
            if (billing == null || text(billing, CBC, "ID").isBlank()) {
                errors.add(message("ERROR", "BR-KSA-56", "KSA", "A credit or debit note must reference the original invoice (BillingReference)"));
            }
            Element means = child(root, CAC, "PaymentMeans");
            if (means == null || text(means, CBC, "InstructionNote").isBlank()) {
                errors.add(message("ERROR", "BR-KSA-17", "KSA", "A credit or debit note must state its reason (PaymentMeans/InstructionNote)"));
            }
        } else if (typeName.startsWith("01") && child(root, CAC, "Delivery") == null) {
            errors.add(message("ERROR", "BR-KSA-15", "KSA", "A standard tax invoice must state the supply date (Delivery/ActualDeliveryDate)"));
        }
        if (reference(root, "ICV") == null || !text(reference(root, "ICV"), CBC, "UUID").matches("\\d+")) {
            errors.add(message("ERROR", "BR-KSA-33", "KSA", "The invoice counter value (ICV) is missing or not a number"));
        }
        if (reference(root, "PIH") == null) {
            errors.add(message("ERROR", "BR-KSA-26", "KSA", "The previous invoice hash (PIH) is missing"));
        }
        Element supplier = child(root, CAC, "AccountingSupplierParty");
        String sellerVat = supplier == null ? "" : text(supplier, CBC, "CompanyID");
        if (!sellerVat.equals(CsrRules.egsFields(credential).get("vat"))) {
            errors.add(message("ERROR", "certificate-permissions", "CERTIFICATE_ERRORS",
                    "User only allowed to use the VAT number that exists in the authentication certificate"));
        }
        checkStamp(xml, document, hash, credential, errors);
        Element customer = child(root, CAC, "AccountingCustomerParty");
        if (customer != null && typeName.startsWith("01")) {
            if (!text(customer, CBC, "BuildingNumber").matches("\\d{4}")) {
                warnings.add(message("WARNING", "BR-KSA-63", "KSA",
                        "The buyer's address should carry a 4-digit building number (national address)"));
            }
            if (!text(customer, CBC, "PostalZone").matches("\\d{5}")) {
                warnings.add(message("WARNING", "BR-KSA-67", "KSA", "The buyer's postal code should be 5 digits"));
            }
        }
        return new Verdict(hash, typeCode, typeName, errors, warnings, infos, document);
    }

    private static void checkStamp(byte[] xml, Document document, String hash, X509Certificate credential,
            List<Map<String, String>> errors) {
        Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
        if (signature == null) {
            errors.add(message("ERROR", "signature-missing", "SIGNATURE_ERRORS", "The document carries no cryptographic stamp"));
            return;
        }
        try {
            String certificateText = text(signature, DS, "X509Certificate");
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", SimulatorAuthority.BC)
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificateText)));
            if (!Arrays.equals(certificate.getEncoded(), credential.getEncoded())) {
                errors.add(message("ERROR", "invalid-certificate", "CERTIFICATE_ERRORS",
                        "The stamp's certificate is not the CSID the request authenticated with"));
            }
            if (!hash.equals(text(signature, DS, "DigestValue"))) {
                errors.add(message("ERROR", "invoice-digest", "SIGNATURE_ERRORS", "The signed invoice digest is not the invoice hash"));
            }
            Signature ecdsa = Signature.getInstance("SHA256withECDSA", SimulatorAuthority.BC);
            ecdsa.initVerify(certificate.getPublicKey());
            ecdsa.update(Base64.getDecoder().decode(hash));
            if (!ecdsa.verify(Base64.getDecoder().decode(text(signature, DS, "SignatureValue")))) {
                errors.add(message("ERROR", "signature-value", "SIGNATURE_ERRORS", "The signature value does not verify"));
            }
            Element properties = (Element) signature.getElementsByTagNameNS(XADES, "SignedProperties").item(0);
            if (!hexDigest(certificateText).equals(text(properties, DS, "DigestValue"))) {
                errors.add(message("ERROR", "certificate-hashing", "CERTIFICATE_ERRORS", "Invalid certificate hashing"));
            }
            NodeList references = signature.getElementsByTagNameNS(DS, "Reference");
            String propertiesDigest = text((Element) references.item(1), DS, "DigestValue");
            if (!hexDigest(signedPropertiesAsHashed(new String(xml, StandardCharsets.UTF_8))).equals(propertiesDigest)) {
                errors.add(message("ERROR", "signed-properties-hashing", "CERTIFICATE_ERRORS",
                        "Invalid signed properties hashing, SignedProperties with id='xadesSignedProperties'"));
            }
        } catch (Exception e) {
            errors.add(message("ERROR", "signature-invalid", "SIGNATURE_ERRORS", "The stamp cannot be read: " + e.getMessage()));
        }
    }

    static String signedPropertiesAsHashed(String xml) {
        Matcher element = Pattern.compile("<xades:SignedProperties.*?</xades:SignedProperties>", Pattern.DOTALL).matcher(xml);
        if (!element.find()) {
            throw new IllegalArgumentException("no xades:SignedProperties");
        }
        return element.group()
                .replaceFirst("<xades:SignedProperties ", "<xades:SignedProperties xmlns:xades=\"" + XADES + "\" ")
                .replaceAll("<ds:(\\w+)", "<ds:$1 xmlns:ds=\"" + DS + "\"");
    }

    /** base64 of SHA-256 over the C14N 1.1 form without UBLExtensions, cac:Signature and the QR reference. */
    static String hash(Document original) {
        try {
            Document copy = (Document) original.cloneNode(true);
            Element root = copy.getDocumentElement();
            List<Node> excluded = new ArrayList<>();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && (is(e, EXT, "UBLExtensions") || is(e, CAC, "Signature")
                        || is(e, CAC, "AdditionalDocumentReference") && "QR".equals(text(e, CBC, "ID")))) {
                    excluded.add(e);
                }
            }
            excluded.forEach(root::removeChild);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalizeSubtree(copy, out);
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash the document", e);
        }
    }

    static String hexDigest(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, String> message(String type, String code, String category, String text) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("code", code);
        message.put("category", category);
        message.put("message", text);
        message.put("status", type.equals("INFO") ? "PASS" : type);
        return message;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element reference(Element root, String id) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && is(e, CAC, "AdditionalDocumentReference") && id.equals(text(e, CBC, "ID"))) {
                return e;
            }
        }
        return null;
    }

    static Element child(Element parent, String namespace, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && is(e, namespace, name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String namespace, String name) {
        NodeList list = parent.getElementsByTagNameNS(namespace, name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }

    static boolean is(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }
}
