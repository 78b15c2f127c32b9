package com.partnersportal.settlement.testing;

import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for tests, shaped like ZATCA's e-invoicing sub-CA (issuer {@code CN=..., DC=extgazt,
 * DC=gov, DC=local}, secp256k1, ecdsa-with-SHA256): issues stamp certificates for generated keys.
 */
public final class TestCertificateAuthority {

    public static final X500Name ISSUER = new X500Name("DC=local,DC=gov,DC=extgazt,CN=TSTZEINVOICE-SubCA-1");

    private final KeyPair key = Secp256k1.generate();

    public StampIdentity newIdentity(String commonName) {
        KeyPair egs = Secp256k1.generate();
        return new StampIdentity(egs.getPrivate(), issue(egs.getPublic(), commonName, Duration.ofDays(365)));
    }

    public X509Certificate issue(PublicKey subjectKey, String commonName, Duration validity) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ISSUER,
                    new BigInteger(120, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), new X500Name("C=SA,OU=Riyadh Branch,O=Test Taxpayer,CN=" + commonName),
                    SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
            return new JcaX509CertificateConverter().setProvider(Secp256k1.BC).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Secp256k1.BC).build(key.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
