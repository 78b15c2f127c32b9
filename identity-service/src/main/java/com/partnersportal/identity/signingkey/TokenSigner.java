package com.partnersportal.identity.signingkey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

/** Signs JWTs with the current key (ES256), naming it in the header's {@code kid}. */
@Component
public class TokenSigner {

    private final SigningKeys keys;

    TokenSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, JOSEObjectType.JWT.getType());
    }

    /** Signs with the given header {@code typ}: service tokens carry their own, so they never pass as access tokens. */
    public String sign(JWTClaimsSet claims, String type) {
        ECKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return jwt.serialize();
    }
}
