package com.partnersportal.identity.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.role.AssignedRole;
import com.partnersportal.identity.signingkey.TokenSigner;
import com.partnersportal.identity.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Issues the portal access token: the claims of ADR 0006, signed with the current key. */
@Component
class AccessTokens {

    private final TokenSigner signer;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(TokenSigner signer, Clock clock, @Value("${portal.identity.access-token-ttl:15m}") Duration ttl) {
        this.signer = signer;
        this.clock = clock;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    String issue(User user, AssignedRole role) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(AccessTokenClaims.AUDIENCE)
                .subject(user.id().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenClaims.ENTITIES, user.legalEntityIds().stream().map(UUID::toString).sorted().toList())
                .claim(AccessTokenClaims.PERMISSIONS, role.permissions().stream().sorted().map(Permission::code).toList())
                .claim(AccessTokenClaims.ROLE, role.id())
                .claim(AccessTokenClaims.EMAIL, user.email())
                .claim(AccessTokenClaims.NAME, user.fullName())
                .claim(AccessTokenClaims.LOCALE, user.locale());
        if (user.merchantId() != null) {
            claims.claim(AccessTokenClaims.MERCHANT_ID, user.merchantId().toString());
        }
        return signer.sign(claims.build());
    }
}
