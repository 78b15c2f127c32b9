package com.partnersportal.kit.servicecall;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.caller.AccessTokenVerifier;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a service access token: signed by one of identity-service's keys (the same JWKS as portal access tokens),
 * of type {@value ServiceTokenClaims#TYPE} and audience {@value ServiceTokenClaims#AUDIENCE} (a portal user's token
 * has neither), issued by identity, not expired, naming its client and scopes.
 */
public class ServiceTokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public ServiceTokenVerifier(JWKSource<SecurityContext> keys) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(ServiceTokenClaims.TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(ServiceTokenClaims.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(AccessTokenClaims.ISSUER).build(),
                Set.of("sub", "exp", "iat", ServiceTokenClaims.SCOPE));
        claims.setMaxClockSkew(AccessTokenVerifier.MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The calling service, or empty if the token is not a valid service token. */
    public Optional<ServiceCaller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String scope = claims.getStringClaim(ServiceTokenClaims.SCOPE);
            Set<String> scopes = scope == null ? Set.of()
                    : Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
            return Optional.of(new ServiceCaller(claims.getSubject(), scopes));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
