package com.partnersportal.settlement.invoice.stamp;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ECDSA on secp256k1 with SHA-256, the curve ZATCA's cryptographic stamp uses. The JDK removed the curve (JDK-8235710),
 * so keys and signatures go through Bouncy Castle's provider (used by instance, not installed JVM-wide).
 */
public final class Secp256k1 {

    public static final Provider BC = new BouncyCastleProvider();
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private Secp256k1() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a secp256k1 key", e);
        }
    }

    /** The DER (ASN.1) ECDSA signature over {@code data}, hashed with SHA-256 first. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the stamp key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] derSignature) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(derSignature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    public static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key", e);
        }
    }
}
