package com.partnersportal.settlement.invoice.egs;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
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
import org.junit.jupiter.api.Test;

/** The CSR, read back with a PEM and ASN.1 parser from what the API is sent. */
class EgsCsrTest {

    private static final EgsCsr.Fields FIELDS = new EgsCsr.Fields("Partners-Portal-Settlement-310123456700003",
            "Riyadh Branch", "Partners Portal Payments Company", "1-PartnersPortal|2-settlement-service|3-6f1c2b1e",
            "310123456700003", "1000", "2334 King Fahd Road Riyadh", "Financial services", "TSTZATCA-Code-Signing");

    @Test
    void theCsrCarriesZatcasSubjectAndExtensionFields() throws Exception {
        KeyPair key = Secp256k1.generate();
        PKCS10CertificationRequest csr = sentToTheApi(EgsCsr.forApi(EgsCsr.build(key, FIELDS)));

        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Secp256k1.BC)
                .build(csr.getSubjectPublicKeyInfo()))).isTrue();
        assertThat(csr.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
        assertThat(csr.getSubjectPublicKeyInfo().getAlgorithm().getParameters().toString()).isEqualTo("1.3.132.0.10");
        assertThat(csr.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(key.getPublic().getEncoded());

        X500Name subject = csr.getSubject();
        assertThat(value(subject, BCStyle.C)).isEqualTo("SA");
        assertThat(value(subject, BCStyle.OU)).isEqualTo("Riyadh Branch");
        assertThat(value(subject, BCStyle.O)).isEqualTo("Partners Portal Payments Company");
        assertThat(value(subject, BCStyle.CN)).isEqualTo("Partners-Portal-Settlement-310123456700003");
        assertThat(subject.getRDNs(BCStyle.SERIALNUMBER)).isEmpty();

        Extensions extensions = Extensions.getInstance(
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        ASN1String template = (ASN1String) extensions.getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"))
                .getParsedValue();
        assertThat(template.getString()).isEqualTo("TSTZATCA-Code-Signing");
        assertThat(template).isInstanceOf(DERPrintableString.class);

        GeneralName[] names = GeneralNames.getInstance(extensions.getExtension(Extension.subjectAlternativeName)
                .getParsedValue()).getNames();
        assertThat(names).hasSize(1);
        assertThat(names[0].getTagNo()).isEqualTo(GeneralName.directoryName);
        X500Name egs = X500Name.getInstance(names[0].getName());
        assertThat(value(egs, new ASN1ObjectIdentifier("2.5.4.4"))).isEqualTo("1-PartnersPortal|2-settlement-service|3-6f1c2b1e");
        assertThat(value(egs, new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.1"))).isEqualTo("310123456700003");
        assertThat(value(egs, new ASN1ObjectIdentifier("2.5.4.12"))).isEqualTo("1000");
        assertThat(value(egs, new ASN1ObjectIdentifier("2.5.4.26"))).isEqualTo("2334 King Fahd Road Riyadh");
        assertThat(value(egs, new ASN1ObjectIdentifier("2.5.4.15"))).isEqualTo("Financial services");
    }

    @Test
    void productionUsesZatcasOwnTemplateName() throws Exception {
        EgsCsr.Fields core = new EgsCsr.Fields(FIELDS.commonName(), FIELDS.organizationUnit(), FIELDS.organizationName(),
                FIELDS.serialNumber(), FIELDS.vatNumber(), FIELDS.invoiceTypes(), FIELDS.location(), FIELDS.industry(),
                "ZATCA-Code-Signing");
        PKCS10CertificationRequest csr = sentToTheApi(EgsCsr.forApi(EgsCsr.build(Secp256k1.generate(), core)));
        Extensions extensions = Extensions.getInstance(
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        ASN1String template = (ASN1String) extensions.getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"))
                .getParsedValue();
        assertThat(template).isInstanceOf(DERUTF8String.class);
        assertThat(template.getString()).isEqualTo("ZATCA-Code-Signing");
    }

    /** The API takes base64 of the whole PEM, armour lines included. */
    private static PKCS10CertificationRequest sentToTheApi(String base64Pem) throws Exception {
        String pem = new String(Base64.getDecoder().decode(base64Pem), StandardCharsets.UTF_8);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----").contains("-----END CERTIFICATE REQUEST-----");
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
    }
}
