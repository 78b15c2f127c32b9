package com.partnersportal.identity.signingkey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.identity.signing-keys.*} (the encryption keys under the same prefix are the encryption package's).
 *
 * @param keyCache how long a replica signs with the key it last read before looking again (after a rotation on
 *                 another replica, this one switches within this time; the old key stays published)
 */
@ConfigurationProperties("portal.identity.signing-keys")
record SigningKeyProperties(Duration keyCache) {

    SigningKeyProperties {
        keyCache = keyCache == null ? Duration.ofSeconds(30) : keyCache;
    }
}
