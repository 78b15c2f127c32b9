package com.partnersportal.zatcasim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What clearance does to a standard document: the taxpayer's stamp and QR code are replaced by ZATCA's own — a
 * XAdES stamp by ZATCA's key over the same invoice hash and a QR code with tags 1-8 — and the result goes back as
 * {@code clearedInvoice}. The invoice's content, and so its hash and place in the PIH chain, are unchanged.
 */
final class ClearanceStamp {

    private static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ClearanceStamp() {
    }

    static byte[] clear(Document submitted, String hash, SimulatorAuthority authority) {
        try {
            Document document = (Document) submitted.cloneNode(true);
            Element root = document.getDocumentElement();
            List<Node> replaced = new ArrayList<>();
            Node lastReference = null;
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && DocumentRules.is(e, DocumentRules.EXT, "UBLExtensions")) {
                    replaced.add(e);
                } else if (child instanceof Element e && DocumentRules.is(e, DocumentRules.CAC, "AdditionalDocumentReference")) {
                    if ("QR".equals(DocumentRules.text(e, DocumentRules.CBC, "ID"))) {
                        replaced.add(e);
                    } else {
                        lastReference = e;
                    }
                }
            }
            replaced.forEach(root::removeChild);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA", SimulatorAuthority.BC);
            ecdsa.initSign(authority.stampKey());
            ecdsa.update(Base64.getDecoder().decode(hash));
            String signatureValue = Base64.getEncoder().encodeToString(ecdsa.sign());
            X509Certificate certificate = authority.stampCertificate();

            Element qr = document.createElementNS(DocumentRules.CAC, "cac:AdditionalDocumentReference");
            Element id = document.createElementNS(DocumentRules.CBC, "cbc:ID");
            id.setTextContent("QR");
            Element attachment = document.createElementNS(DocumentRules.CAC, "cac:Attachment");
            Element object = document.createElementNS(DocumentRules.CBC, "cbc:EmbeddedDocumentBinaryObject");
            object.setAttribute("mimeCode", "text/plain");
            object.setTextContent(qr(root, hash, signatureValue, certificate));
            attachment.appendChild(object);
            qr.appendChild(id);
            qr.appendChild(attachment);
            root.insertBefore(qr, lastReference == null ? root.getFirstChild() : lastReference.getNextSibling());

            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            String xml = out.toString(StandardCharsets.UTF_8);
            int start = xml.indexOf('>', xml.indexOf("<Invoice")) + 1;
            return (xml.substring(0, start) + extensions(hash, signatureValue, certificate) + xml.substring(start))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stamp the cleared document", e);
        }
    }

    private static String qr(Element root, String hash, String signatureValue, X509Certificate certificate) {
        Element supplier = DocumentRules.child(root, DocumentRules.CAC, "AccountingSupplierParty");
        Element totals = DocumentRules.child(root, DocumentRules.CAC, "LegalMonetaryTotal");
        Element taxTotal = DocumentRules.child(root, DocumentRules.CAC, "TaxTotal");
        ByteArrayOutputStream tlv = new ByteArrayOutputStream();
        tlv(tlv, 1, SimulatorAuthority.utf8(DocumentRules.text(supplier, DocumentRules.CBC, "RegistrationName")));
        tlv(tlv, 2, SimulatorAuthority.utf8(DocumentRules.text(supplier, DocumentRules.CBC, "CompanyID")));
        tlv(tlv, 3, SimulatorAuthority.utf8(DocumentRules.text(root, DocumentRules.CBC, "IssueDate") + "T"
                + DocumentRules.text(root, DocumentRules.CBC, "IssueTime")));
        tlv(tlv, 4, SimulatorAuthority.utf8(DocumentRules.text(totals, DocumentRules.CBC, "TaxInclusiveAmount")));
        tlv(tlv, 5, SimulatorAuthority.utf8(DocumentRules.text(taxTotal, DocumentRules.CBC, "TaxAmount")));
        tlv(tlv, 6, SimulatorAuthority.utf8(hash));
        tlv(tlv, 7, SimulatorAuthority.utf8(signatureValue));
        tlv(tlv, 8, certificate.getPublicKey().getEncoded());
        return Base64.getEncoder().encodeToString(tlv.toByteArray());
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static String extensions(String hash, String signatureValue, X509Certificate certificate) throws Exception {
        String certificateText = Base64.getEncoder().encodeToString(certificate.getEncoded());
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        List<String> rdns = new ArrayList<>();
        for (RDN rdn : issuer.getRDNs()) {
            rdns.addFirst(BCStyle.INSTANCE.oidToDisplayName(rdn.getFirst().getType()) + "=" + IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        String properties = "<xades:SignedProperties Id=\"xadesSignedProperties\">\n"
                + pad(36) + "<xades:SignedSignatureProperties>\n"
                + pad(40) + "<xades:SigningTime>" + SIGNING_TIME.format(Instant.now()) + "</xades:SigningTime>\n"
                + pad(40) + "<xades:SigningCertificate>\n"
                + pad(44) + "<xades:Cert>\n"
                + pad(48) + "<xades:CertDigest>\n"
                + pad(52) + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + pad(52) + "<ds:DigestValue>" + DocumentRules.hexDigest(certificateText) + "</ds:DigestValue>\n"
                + pad(48) + "</xades:CertDigest>\n"
                + pad(48) + "<xades:IssuerSerial>\n"
                + pad(52) + "<ds:X509IssuerName>" + String.join(", ", rdns) + "</ds:X509IssuerName>\n"
                + pad(52) + "<ds:X509SerialNumber>" + certificate.getSerialNumber() + "</ds:X509SerialNumber>\n"
                + pad(48) + "</xades:IssuerSerial>\n"
                + pad(44) + "</xades:Cert>\n"
                + pad(40) + "</xades:SigningCertificate>\n"
                + pad(36) + "</xades:SignedSignatureProperties>\n"
                + pad(32) + "</xades:SignedProperties>";
        String propertiesDigest = DocumentRules.hexDigest(DocumentRules.signedPropertiesAsHashed(properties));
        String xpath = "                                    <ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>%s</ds:XPath>\n"
                + "                                    </ds:Transform>\n";
        return "<ext:UBLExtensions>\n    <ext:UBLExtension>\n"
                + "        <ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>\n"
                + "        <ext:ExtensionContent>\n"
                + "            <sig:UBLDocumentSignatures xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\" "
                + "xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\" "
                + "xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\">\n"
                + "                <sac:SignatureInformation>\n"
                + "                    <cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>\n"
                + "                    <sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>\n"
                + "                    <ds:Signature xmlns:ds=\"" + DocumentRules.DS + "\" Id=\"signature\">\n"
                + "                        <ds:SignedInfo>\n"
                + "                            <ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                            <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>\n"
                + "                            <ds:Reference Id=\"invoiceSignedData\" URI=\"\">\n"
                + "                                <ds:Transforms>\n"
                + xpath.formatted("not(//ancestor-or-self::ext:UBLExtensions)")
                + xpath.formatted("not(//ancestor-or-self::cac:Signature)")
                + xpath.formatted("not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])")
                + "                                    <ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                                </ds:Transforms>\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + hash + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                            <ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\" URI=\"#xadesSignedProperties\">\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + propertiesDigest + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                        </ds:SignedInfo>\n"
                + "                        <ds:SignatureValue>" + signatureValue + "</ds:SignatureValue>\n"
                + "                        <ds:KeyInfo>\n                            <ds:X509Data>\n"
                + "                                <ds:X509Certificate>" + certificateText + "</ds:X509Certificate>\n"
                + "                            </ds:X509Data>\n                        </ds:KeyInfo>\n"
                + "                        <ds:Object>\n"
                + "                            <xades:QualifyingProperties xmlns:xades=\"" + DocumentRules.XADES + "\" Target=\"signature\">\n"
                + pad(32) + properties + "\n"
                + "                            </xades:QualifyingProperties>\n"
                + "                        </ds:Object>\n"
                + "                    </ds:Signature>\n                </sac:SignatureInformation>\n"
                + "            </sig:UBLDocumentSignatures>\n        </ext:ExtensionContent>\n"
                + "    </ext:UBLExtension>\n</ext:UBLExtensions>";
    }

    private static String pad(int spaces) {
        return " ".repeat(spaces);
    }
}
