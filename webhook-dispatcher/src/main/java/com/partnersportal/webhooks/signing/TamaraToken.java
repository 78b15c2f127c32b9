package com.partnersportal.webhooks.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Tamara's {@code tamaraToken}: an HS256 JWT keyed with the merchant's notification token, {@code iss=Tamara},
 * {@code iat}, {@code exp = iat + 900 s}. It proves the sender, not the body; the Standard Webhooks signature does that.
 */
public final class TamaraToken {

    public static final String QUERY_PARAMETER = "tamaraToken";
    public static final long LIFETIME_SECONDS = 900;

    private TamaraToken() {
    }

    public static String issue(String notificationToken, Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .issuer("Tamara")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
                    .build());
            jwt.sign(new MACSigner(notificationToken.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the notification token cannot key an HS256 JWT", e);
        }
    }
}
