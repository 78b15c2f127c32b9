package com.partnersportal.settlement.invoice.stamp;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who stamps a document: the EGS unit's private key and the certificate ZATCA issued for it (the CSID). Gives the
 * certificate in the forms ZATCA's XAdES layout and QR code use.
 */
public record StampIdentity(PrivateKey privateKey, X509Certificate certificate) {

    public static StampIdentity of(PrivateKey privateKey, byte[] certificateDer) {
        return new StampIdentity(privateKey, certificate(certificateDer));
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Secp256k1.BC)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    public byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as ds:X509Certificate carries it: base64 of the DER, one line, no PEM armour. */
    public String certificateBase64() {
        return Base64.getEncoder().encodeToString(certificateDer());
    }

    /** The issuer as ZATCA's SDK writes it in X509IssuerName: the RDNs most specific first, {@code ", "} between. */
    public String issuerName() {
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        RDN[] rdns = issuer.getRDNs();
        return Arrays.stream(rdns).toList().reversed().stream()
                .map(rdn -> BCStyle.INSTANCE.oidToDisplayName(rdn.getFirst().getType()) + "="
                        + IETFUtils.valueToString(rdn.getFirst().getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The certificate's serial number in decimal (X509SerialNumber is an xs:integer). */
    public String serialNumber() {
        return certificate.getSerialNumber().toString();
    }

    /** QR tag 8: the DER SubjectPublicKeyInfo of the stamp key. */
    public byte[] publicKeyDer() {
        return certificate.getPublicKey().getEncoded();
    }

    /** QR tag 9 (simplified documents only): the CA's signature over the certificate, DER. */
    public byte[] certificateSignature() {
        return certificate.getSignature();
    }
}
