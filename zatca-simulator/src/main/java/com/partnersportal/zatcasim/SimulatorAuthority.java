package com.partnersportal.zatcasim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The simulator's certificate authority (shaped like ZATCA's e-invoicing sub-CA) and ZATCA's own clearance stamp.
 * CSIDs are certificates it issues from CSRs; the secret that goes with one is an HMAC of the certificate under the
 * CA's key, so a restarted simulator still recognises the credentials it issued before (its key is kept in the
 * state directory when one is given).
 */
final class SimulatorAuthority {

    static final Provider BC = new BouncyCastleProvider();
    static final X500Name ISSUER = new X500Name("DC=local,DC=gov,DC=extgazt,CN=SIMZEINVOICE-SubCA-1");

    private final KeyPair caKey;
    private final KeyPair stampKey;
    private final X509Certificate stampCertificate;
    private final Duration productionValidity;

    SimulatorAuthority(Path stateDirectory, Duration productionValidity) {
        this.caKey = key(stateDirectory == null ? null : stateDirectory.resolve("ca-key.p8"));
        this.stampKey = key(stateDirectory == null ? null : stateDirectory.resolve("stamp-key.p8"));
        this.productionValidity = productionValidity;
        this.stampCertificate = certificate(stampKey.getPublic(), new X500Name("C=SA,O=ZATCA Simulator,CN=ZATCA clearance stamp"),
                null, Duration.ofDays(3650), BigInteger.valueOf(1));
    }

    /** A CSID: a certificate for the CSR's key and subject, with the CSR's subject alternative name. */
    X509Certificate issue(PKCS10CertificationRequest csr, boolean production) {
        Extension san = CsrRules.extensions(csr).getExtension(Extension.subjectAlternativeName);
        try {
            PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(
                    new java.security.spec.X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
            return certificate(key, csr.getSubject(), san, production ? productionValidity : Duration.ofDays(365),
                    new BigInteger(150, new SecureRandom()).add(BigInteger.TWO));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the CSR's key is not an EC key", e);
        }
    }

    boolean issued(X509Certificate certificate) {
        try {
            certificate.verify(caKey.getPublic(), BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    String secretFor(X509Certificate certificate) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(caKey.getPrivate().getEncoded()), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    PrivateKey stampKey() {
        return stampKey.getPrivate();
    }

    X509Certificate stampCertificate() {
        return stampCertificate;
    }

    private X509Certificate certificate(PublicKey subjectKey, X500Name subject, Extension san, Duration validity,
            BigInteger serial) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ISSUER, serial,
                    Date.from(now.minusSeconds(300)), Date.from(now.plus(validity)), subject,
                    SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
            if (san != null) {
                builder.addExtension(san);
            }
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(caKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private static KeyPair key(Path file) {
        try {
            if (file != null && Files.exists(file)) {
                PrivateKey key = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
                PublicKey publicKey = KeyFactory.getInstance("EC", BC).generatePublic(
                        new java.security.spec.X509EncodedKeySpec(Files.readAllBytes(file.resolveSibling(file.getFileName() + ".pub"))));
                return new KeyPair(publicKey, key);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"));
            KeyPair pair = generator.generateKeyPair();
            if (file != null) {
                Files.createDirectories(file.getParent());
                Files.write(file, pair.getPrivate().getEncoded());
                Files.write(file.resolveSibling(file.getFileName() + ".pub"), pair.getPublic().getEncoded());
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
