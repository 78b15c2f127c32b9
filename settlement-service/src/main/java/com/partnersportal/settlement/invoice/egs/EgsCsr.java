package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The EGS unit's certificate signing request as ZATCA's SDK makes it: subject C=SA, OU (the branch), O (the
 * taxpayer), CN (the unit); the certificate template name extension ({@code 1.3.6.1.4.1.311.20.2}: ZATCA-, PREZATCA-
 * or TSTZATCA-Code-Signing by environment); and a subject alternative name whose directory name carries SN (the
 * {@code 1-solution|2-model|3-serial} EGS serial number), UID (the VAT number), title (the invoice type flags),
 * registeredAddress (the location) and businessCategory (the industry). Signed with ecdsa-with-SHA256 on secp256k1.
 */
final class EgsCsr {

    static final ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    static final ASN1ObjectIdentifier REGISTERED_ADDRESS = new ASN1ObjectIdentifier("2.5.4.26");

    /** What the CSR states about the unit. */
    record Fields(String commonName, String organizationUnit, String organizationName, String serialNumber,
            String vatNumber, String invoiceTypes, String location, String industry, String template) {
    }

    private EgsCsr() {
    }

    static PKCS10CertificationRequest build(KeyPair key, Fields fields) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SA")
                .addRDN(BCStyle.OU, fields.organizationUnit())
                .addRDN(BCStyle.O, fields.organizationName())
                .addRDN(BCStyle.CN, fields.commonName())
                .build();
        X500Name egs = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.SURNAME, fields.serialNumber())
                .addRDN(BCStyle.UID, fields.vatNumber())
                .addRDN(BCStyle.T, fields.invoiceTypes())
                .addRDN(REGISTERED_ADDRESS, fields.location())
                .addRDN(BCStyle.BUSINESS_CATEGORY, fields.industry())
                .build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(TEMPLATE_NAME, false, "ZATCA-Code-Signing".equals(fields.template())
                    ? new DERUTF8String(fields.template()) : new DERPrintableString(fields.template()));
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.directoryName, egs)));
            return new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(Secp256k1.SIGNATURE_ALGORITHM).setProvider(Secp256k1.BC)
                            .build(key.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CSR", e);
        }
    }

    /** The CSR as the API takes it: base64 of the whole PEM text, BEGIN and END lines included. */
    static String forApi(PKCS10CertificationRequest csr) {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(csr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(pem.toString().getBytes(StandardCharsets.UTF_8));
    }
}
