package com.partnersportal.identity.signingkey;

import com.nimbusds.jose.jwk.JWKSet;
import com.partnersportal.identity.contract.AccessTokenClaims;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify access tokens, as a JWK Set (RFC 7517). */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(AccessTokenClaims.JWKS_PATH)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new JWKSet(keys.published()).toJSONObject(true));
    }
}
