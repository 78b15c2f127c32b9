package com.partnersportal.identity.signingkey;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.identity.signing-keys.*}.
 *
 * @param encryptionKey base64 of 32 bytes: the AES-256 key that encrypts the private halves at rest
 * @param previousEncryptionKeys keys that encrypted keys before the current one: still tried when decrypting, so the
 *                      encryption key can be changed without a restart signing anyone out (see docs/identity.md)
 * @param keyCache      how long a replica signs with the key it last read before looking again (after a rotation
 *                      on another replica, this one switches within this time; the old key stays published)
 */
@ConfigurationProperties("portal.identity.signing-keys")
record SigningKeyProperties(String encryptionKey, List<String> previousEncryptionKeys, Duration keyCache) {

    SigningKeyProperties {
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of() : List.copyOf(previousEncryptionKeys);
        keyCache = keyCache == null ? Duration.ofSeconds(30) : keyCache;
    }
}
