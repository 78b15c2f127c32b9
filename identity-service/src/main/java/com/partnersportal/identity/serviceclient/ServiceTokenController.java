package com.partnersportal.identity.serviceclient;

import com.nimbusds.jwt.JWTClaimsSet;
import com.partnersportal.identity.contract.AccessTokenClaims;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.identity.signingkey.TokenSigner;
import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) for the platform's own services: a configured
 * client authenticates with its id and secret (HTTP Basic, or {@code client_id}/{@code client_secret} in the form)
 * and receives a short-lived service access token with the scopes it was granted. Never routed by the gateway.
 */
@RestController
class ServiceTokenController {

    private static final String BASIC = "Basic ";

    private final ServiceClients clients;
    private final TokenSigner signer;
    private final ServiceClientProperties properties;
    // Service tokens are checked against real time by every service, whatever a sandbox's clock says.
    private final Clock clock = Clock.systemUTC();

    ServiceTokenController(ServiceClients clients, TokenSigner signer, ServiceClientProperties properties) {
        this.clients = clients;
        this.signer = signer;
        this.properties = properties;
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
    }

    @PostMapping(path = ServiceTokenClaims.TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String formClientId,
            @RequestParam(name = "client_secret", required = false) String formSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String[] basic = basic(authorization);
        String clientId = basic != null ? basic[0] : formClientId;
        String secret = basic != null ? basic[1] : formSecret;
        List<String> scopes = clients.authenticate(clientId, secret).orElseThrow(() -> new ApiProblem(
                HttpStatus.UNAUTHORIZED, "invalid_client", "Unknown service client or wrong secret."));
        if (!"client_credentials".equals(grantType)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "Only grant_type=client_credentials is offered here.");
        }
        Instant now = clock.instant();
        String scope = String.join(" ", scopes);
        String token = signer.sign(new JWTClaimsSet.Builder()
                .issuer(AccessTokenClaims.ISSUER)
                .audience(ServiceTokenClaims.AUDIENCE)
                .subject(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(ServiceTokenClaims.SCOPE, scope)
                .build(), ServiceTokenClaims.TYPE);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token, "Bearer", properties.ttl().toSeconds(), scope));
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
