package com.partnersportal.kit.caller;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.Permission;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks a portal access token: signed (ES256 or RS256, never {@code none}) by one of identity-service's keys
 * from its JWKS (cached; a token with an unknown {@code kid} makes it fetch the set again, so rotation needs no
 * restart), issued by identity for this platform, not expired. Anything else is no caller at all.
 */
public class AccessTokenVerifier {

    /**
     * The clock difference tolerated between identity-service and this process when checking {@code exp}: the
     * replicas' clocks are NTP-synchronised, so 5 seconds, not Nimbus's default minute.
     */
    public static final int MAX_CLOCK_SKEW_SECONDS = 5;

    private static final String NO_KEY_ID = "";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Revocations revocations;
    /** The ids of identity's keys that have verified a token here: held by the key cache (see {@link #answersAtOnce}). */
    private final Set<String> verifiedKeyIds = ConcurrentHashMap.newKeySet();

    public AccessTokenVerifier(JWKSource<SecurityContext> keys) {
        this(keys, Revocations.none());
    }

    public AccessTokenVerifier(JWKSource<SecurityContext> keys, Revocations revocations) {
        this.revocations = revocations;
        // A service token (typ service+jwt, its own audience) never passes as a user's access token.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(AccessTokenClaims.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(AccessTokenClaims.ISSUER).build(),
                Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The caller the token speaks for, or empty if it is not a valid access token or its user's access was revoked
     * after it was issued.
     */
    public Optional<Caller> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            verifiedKeyIds.add(Objects.requireNonNullElse(jwt.getHeader().getKeyID(), NO_KEY_ID));
            if (revocations.refuses(claims.getSubject(),
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant())) {
                return Optional.empty();
            }
            return Optional.of(toCaller(claims));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether checking this token calls nobody: it names a key that has verified a token here before, so the cached
     * key set holds it (the cache refreshes itself ahead of its expiry). A token naming a key not seen yet (a
     * rotation's new key, or a forger's invention) makes the verifier fetch identity's key set (at most every 10
     * seconds), so a reactive caller checks it off its event loop. An unreadable token is refused at once.
     */
    public boolean answersAtOnce(String token) {
        if (verifiedKeyIds.isEmpty()) {
            return false;
        }
        try {
            return verifiedKeyIds.contains(Objects.requireNonNullElse(
                    JWSHeader.parse(JOSEObject.split(token)[0]).getKeyID(), NO_KEY_ID));
        } catch (ParseException e) {
            return true;
        }
    }

    private static Caller toCaller(JWTClaimsSet claims) throws ParseException {
        Set<Permission> permissions = strings(claims.getStringListClaim(AccessTokenClaims.PERMISSIONS)).stream()
                .map(Permission::fromCode).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
        Set<UUID> entities = strings(claims.getStringListClaim(AccessTokenClaims.ENTITIES)).stream()
                .map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        String merchant = claims.getStringClaim(AccessTokenClaims.MERCHANT_ID);
        Caller.Kind kind = merchant == null && permissions.contains(Permission.OPERATOR)
                ? Caller.Kind.OPERATOR : Caller.Kind.USER;
        if (kind == Caller.Kind.USER && merchant == null) {
            throw new IllegalArgumentException("a user's token names no merchant");
        }
        return new Caller(kind, merchant == null ? null : UUID.fromString(merchant),
                Objects.requireNonNull(claims.getSubject()), permissions, entities,
                claims.getStringClaim(AccessTokenClaims.EMAIL), claims.getStringClaim(AccessTokenClaims.NAME),
                claims.getStringClaim(AccessTokenClaims.LOCALE));
    }

    private static Collection<String> strings(List<String> values) {
        return values == null ? List.of() : values;
    }
}
