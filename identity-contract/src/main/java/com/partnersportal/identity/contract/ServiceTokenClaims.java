package com.partnersportal.identity.contract;

import java.util.List;

/**
 * The service access token a platform service presents on every {@code /internal/...} call (ADR 22): a JWT
 * signed by identity-service with the same keys as portal access tokens, but of its own type ({@value #TYPE})
 * and audience ({@value #AUDIENCE}), so that neither can ever pass as the other. Obtained with the OAuth 2.0
 * client-credentials grant at {@value #TOKEN_PATH}. Claims: {@code iss} = {@link AccessTokenClaims#ISSUER},
 * {@code sub} = the client id, {@code iat}, {@code exp}, {@code jti}, {@value #SCOPE} = the granted scopes.
 */
public final class ServiceTokenClaims {

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String AUDIENCE = "partners-portal-services";
    /** The JOSE header {@code typ}; portal access tokens carry {@code JWT}. */
    public static final String TYPE = "service+jwt";
    /** The granted scopes, space-separated as in RFC 6749 (and RFC 9068's {@code scope} claim). */
    public static final String SCOPE = "scope";

    /** What a service may call. Each {@code /internal} endpoint names exactly one. */
    public static final class Scopes {
        /** {@code POST /internal/api-tokens/introspect} at identity-service. */
        public static final String API_TOKENS_INTROSPECT = "api-tokens.introspect";
        /** {@code GET /internal/merchants/{id}/recipients} at identity-service. */
        public static final String RECIPIENTS_READ = "recipients.read";
        /** Sandbox only: {@code POST /internal/orders/{id}/checkout-decision} at orders-service. */
        public static final String CHECKOUT_DECISIONS_WRITE = "checkout-decisions.write";
        /** Sandbox only: {@code /internal/clock} (read and advance) on every service. */
        public static final String SANDBOX_CLOCK = "sandbox.clock";

        public static final List<String> ALL = List.of(API_TOKENS_INTROSPECT, RECIPIENTS_READ,
                CHECKOUT_DECISIONS_WRITE, SANDBOX_CLOCK);

        private Scopes() {
        }
    }

    private ServiceTokenClaims() {
    }
}
