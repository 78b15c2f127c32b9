package com.partnersportal.identity.signingkey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.identity.signing-keys.*}.
 *
 * @param encryptionKey base64 of 32 bytes: the AES-256 key that encrypts the private halves at rest
 * @param keyCache      how long a replica signs with the key it last read before looking again (after a rotation
 *                      on another replica, this one switches within this time; the old key stays published)
 */
@ConfigurationProperties("portal.identity.signing-keys")
record SigningKeyProperties(String encryptionKey, Duration keyCache) {

    SigningKeyProperties {
        keyCache = keyCache == null ? Duration.ofSeconds(30) : keyCache;
    }
}
