package com.partnersportal.settlement.invoice.stamp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * ZATCA's cryptographic stamp: the XAdES enveloped signature its SDK writes into {@code ext:UBLExtensions}, in the
 * SDK's own layout, with the quirks the Fatoora validator checks (docs/adr/0013):
 * <ul>
 * <li>{@code ds:SignatureValue} is the ECDSA (secp256k1, SHA-256) signature of the invoice hash's 32 raw bytes, not
 * of {@code ds:SignedInfo} (checked against the SDK's signed samples);</li>
 * <li>the certificate digest is base64 of the hex SHA-256 of the certificate's base64 text;</li>
 * <li>the SignedProperties digest is base64 of the hex SHA-256 of a fixed text form: the element as it stands in the
 * document, with {@code xmlns:xades} declared on it and {@code xmlns:ds} on each {@code ds:} child, so the
 * element's indentation here is part of the signature and must never change.</li>
 * </ul>
 * The block is inserted right after the root's start tag of an invoice written without whitespace between
 * elements, so removing it (as the invoice hash does) leaves the document's canonical bytes untouched.
 */
public final class XadesStamp {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private XadesStamp() {
    }

    /** What a stamp states besides the invoice hash: who signed, when, and the signature itself. */
    public record Signed(String invoiceHash, String signatureValue, StampIdentity identity, Instant signingTime) {
    }

    /** Signs the invoice hash (base64 of the SHA-256 of the canonical invoice) with the identity's key. */
    public static Signed sign(String invoiceHash, StampIdentity identity, Instant signingTime) {
        byte[] signature = Secp256k1.sign(identity.privateKey(), Base64.getDecoder().decode(invoiceHash));
        return new Signed(invoiceHash, Base64.getEncoder().encodeToString(signature), identity,
                signingTime.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The invoice {@code body} (no UBLExtensions yet, whitespace-free) with the stamp's UBLExtensions inserted. */
    public static byte[] envelop(byte[] body, Signed signed) {
        String xml = new String(body, StandardCharsets.UTF_8);
        int root = xml.indexOf("<Invoice");
        int startTagEnd = root < 0 ? -1 : xml.indexOf('>', root);
        if (startTagEnd < 0 || xml.charAt(startTagEnd - 1) == '/') {
            throw new IllegalArgumentException("not an Invoice document");
        }
        if (xml.contains("<ext:UBLExtensions")) {
            throw new IllegalArgumentException("the invoice is already stamped");
        }
        return (xml.substring(0, startTagEnd + 1) + extensions(signed) + xml.substring(startTagEnd + 1))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** base64 of the hex SHA-256 of the certificate's base64 text (xades:CertDigest). */
    public static String certificateDigest(String certificateBase64) {
        return hexDigestBase64(certificateBase64);
    }

    /** base64 of the hex SHA-256 of the SignedProperties' fixed text form (the SignedProperties reference). */
    public static String signedPropertiesDigest(Signed signed) {
        return hexDigestBase64(signedProperties(signed, true));
    }

    private static String hexDigestBase64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The SignedProperties element. In the document ({@code hashed} false) it inherits its namespaces; in the form
     * that is hashed they are declared inline, as the SDK does. Both forms keep the SDK's indentation (the element
     * opens at column 32 of the document), which is part of what is hashed.
     */
    static String signedProperties(Signed signed, boolean hashed) {
        String xadesNs = hashed ? " xmlns:xades=\"" + XADES + "\"" : "";
        String dsNs = hashed ? " xmlns:ds=\"" + DS + "\"" : "";
        StampIdentity id = signed.identity();
        return "<xades:SignedProperties" + xadesNs + " Id=\"xadesSignedProperties\">\n"
                + " ".repeat(36) + "<xades:SignedSignatureProperties>\n"
                + " ".repeat(40) + "<xades:SigningTime>" + SIGNING_TIME.format(signed.signingTime()) + "</xades:SigningTime>\n"
                + " ".repeat(40) + "<xades:SigningCertificate>\n"
                + " ".repeat(44) + "<xades:Cert>\n"
                + " ".repeat(48) + "<xades:CertDigest>\n"
                + " ".repeat(52) + "<ds:DigestMethod" + dsNs + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + " ".repeat(52) + "<ds:DigestValue" + dsNs + ">" + certificateDigest(id.certificateBase64()) + "</ds:DigestValue>\n"
                + " ".repeat(48) + "</xades:CertDigest>\n"
                + " ".repeat(48) + "<xades:IssuerSerial>\n"
                + " ".repeat(52) + "<ds:X509IssuerName" + dsNs + ">" + escape(id.issuerName()) + "</ds:X509IssuerName>\n"
                + " ".repeat(52) + "<ds:X509SerialNumber" + dsNs + ">" + id.serialNumber() + "</ds:X509SerialNumber>\n"
                + " ".repeat(48) + "</xades:IssuerSerial>\n"
                + " ".repeat(44) + "</xades:Cert>\n"
                + " ".repeat(40) + "</xades:SigningCertificate>\n"
                + " ".repeat(36) + "</xades:SignedSignatureProperties>\n"
                + " ".repeat(32) + "</xades:SignedProperties>";
    }

    private static String extensions(Signed signed) {
        return "<ext:UBLExtensions>\n"
                + "    <ext:UBLExtension>\n"
                + "        <ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>\n"
                + "        <ext:ExtensionContent>\n"
                + "            <sig:UBLDocumentSignatures xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\""
                + " xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\""
                + " xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\">\n"
                + "                <sac:SignatureInformation>\n"
                + "                    <cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>\n"
                + "                    <sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>\n"
                + "                    <ds:Signature xmlns:ds=\"" + DS + "\" Id=\"signature\">\n"
                + "                        <ds:SignedInfo>\n"
                + "                            <ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                            <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>\n"
                + "                            <ds:Reference Id=\"invoiceSignedData\" URI=\"\">\n"
                + "                                <ds:Transforms>\n"
                + xpathTransform("not(//ancestor-or-self::ext:UBLExtensions)")
                + xpathTransform("not(//ancestor-or-self::cac:Signature)")
                + xpathTransform("not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])")
                + "                                    <ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                                </ds:Transforms>\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + signed.invoiceHash() + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                            <ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\" URI=\"#xadesSignedProperties\">\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + signedPropertiesDigest(signed) + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                        </ds:SignedInfo>\n"
                + "                        <ds:SignatureValue>" + signed.signatureValue() + "</ds:SignatureValue>\n"
                + "                        <ds:KeyInfo>\n"
                + "                            <ds:X509Data>\n"
                + "                                <ds:X509Certificate>" + signed.identity().certificateBase64() + "</ds:X509Certificate>\n"
                + "                            </ds:X509Data>\n"
                + "                        </ds:KeyInfo>\n"
                + "                        <ds:Object>\n"
                + "                            <xades:QualifyingProperties xmlns:xades=\"" + XADES + "\" Target=\"signature\">\n"
                + " ".repeat(32) + signedProperties(signed, false) + "\n"
                + "                            </xades:QualifyingProperties>\n"
                + "                        </ds:Object>\n"
                + "                    </ds:Signature>\n"
                + "                </sac:SignatureInformation>\n"
                + "            </sig:UBLDocumentSignatures>\n"
                + "        </ext:ExtensionContent>\n"
                + "    </ext:UBLExtension>\n"
                + "</ext:UBLExtensions>";
    }

    private static String xpathTransform(String xpath) {
        return "                                    <ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>" + escape(xpath) + "</ds:XPath>\n"
                + "                                    </ds:Transform>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
