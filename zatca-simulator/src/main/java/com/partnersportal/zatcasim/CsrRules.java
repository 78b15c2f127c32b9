package com.partnersportal.zatcasim;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** What ZATCA checks in an EGS unit's CSR before it issues a CSID (docs/zatca.md lists the fields). */
final class CsrRules {

    static final ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    static final Map<String, String> TEMPLATE_BY_ENVIRONMENT = Map.of(
            "developer-portal", "TSTZATCA-Code-Signing", "simulation", "PREZATCA-Code-Signing", "core", "ZATCA-Code-Signing");

    private CsrRules() {
    }

    /** The CSR in the API's encoding: base64 of the whole PEM text. */
    static PKCS10CertificationRequest parse(String base64Pem) {
        try (PEMParser parser = new PEMParser(new StringReader(
                new String(Base64.getDecoder().decode(base64Pem.trim()), StandardCharsets.UTF_8)))) {
            if (parser.readObject() instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (Exception e) {
            // falls through
        }
        throw new IllegalArgumentException("csr is not base64 of a PEM certificate signing request");
    }

    static Extensions extensions(PKCS10CertificationRequest csr) {
        var attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        return attributes.length == 0 ? new Extensions(new Extension[0])
                : Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
    }

    /** The problems with the CSR for the given environment; empty when ZATCA would issue a CSID. */
    static List<String> check(PKCS10CertificationRequest csr, String environment) {
        List<String> problems = new ArrayList<>();
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(SimulatorAuthority.BC)
                    .build(csr.getSubjectPublicKeyInfo()))) {
                problems.add("the CSR's signature does not verify");
            }
        } catch (Exception e) {
            problems.add("the CSR's signature cannot be checked: " + e.getMessage());
        }
        if (!"1.3.132.0.10".equals(csr.getSubjectPublicKeyInfo().getAlgorithm().getParameters().toString())) {
            problems.add("the key must be on secp256k1");
        }
        X500Name subject = csr.getSubject();
        if (!"SA".equals(value(subject, BCStyle.C))) {
            problems.add("subject C must be SA");
        }
        for (var required : List.of(BCStyle.OU, BCStyle.O, BCStyle.CN)) {
            if (value(subject, required) == null) {
                problems.add("subject " + BCStyle.INSTANCE.oidToDisplayName(required) + " is missing");
            }
        }
        Extensions extensions = extensions(csr);
        Extension template = extensions.getExtension(TEMPLATE_NAME);
        String expected = TEMPLATE_BY_ENVIRONMENT.get(environment);
        String templateName = template == null ? null
                : ((ASN1String) template.getParsedValue()).getString();
        if (!expected.equals(templateName)) {
            problems.add("certificate template name must be " + expected + " in " + environment + ", not " + templateName);
        }
        Extension san = extensions.getExtension(Extension.subjectAlternativeName);
        X500Name egs = null;
        if (san != null) {
            for (GeneralName name : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                if (name.getTagNo() == GeneralName.directoryName) {
                    egs = X500Name.getInstance(name.getName());
                }
            }
        }
        if (egs == null) {
            problems.add("the subject alternative name must hold the EGS unit's directory name");
            return problems;
        }
        String serial = value(egs, BCStyle.SURNAME);
        if (serial == null || !serial.matches("1-[^|]+\\|2-[^|]+\\|3-[^|]+")) {
            problems.add("SN must be 1-<solution>|2-<model>|3-<serial>, not " + serial);
        }
        String vat = value(egs, BCStyle.UID);
        if (vat == null || !vat.matches("3\\d{13}3")) {
            problems.add("UID must be the taxpayer's VAT number (15 digits, first and last 3), not " + vat);
        }
        String title = value(egs, BCStyle.T);
        if (title == null || !title.matches("[01]{4}") || title.charAt(0) == '0' && title.charAt(1) == '0') {
            problems.add("title must be the invoice type flags (1000 standard, 0100 simplified, 1100 both), not " + title);
        }
        if (value(egs, new ASN1ObjectIdentifier("2.5.4.26")) == null) {
            problems.add("registeredAddress (the EGS unit's location) is missing");
        }
        if (value(egs, BCStyle.BUSINESS_CATEGORY) == null) {
            problems.add("businessCategory (the industry) is missing");
        }
        return problems;
    }

    static String value(X500Name name, ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** The VAT number (UID) and invoice type flags (title) a certificate was issued for. */
    static Map<String, String> egsFields(java.security.cert.X509Certificate certificate) {
        try {
            byte[] san = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
            GeneralNames names = GeneralNames.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(san).getOctets());
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.directoryName) {
                    X500Name egs = X500Name.getInstance(name.getName());
                    return Map.of("vat", String.valueOf(value(egs, BCStyle.UID)), "types", String.valueOf(value(egs, BCStyle.T)));
                }
            }
        } catch (Exception e) {
            // no usable SAN
        }
        return Map.of("vat", "", "types", "");
    }
}
