package com.partnersportal.identity.contract;

/**
 * The claims of a portal access token (a JWT signed by identity-service with an asymmetric key whose public
 * half is published at {@value #JWKS_PATH}). Standard claims: {@code iss} = {@value #ISSUER}, {@code aud} =
 * {@value #AUDIENCE}, {@code sub} = the user's id, {@code iat}, {@code exp}, {@code jti}; header {@code kid}.
 * See docs/adr/0006-portal-access-tokens.md.
 */
public final class AccessTokenClaims {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String ISSUER = "partners-portal-identity";
    public static final String AUDIENCE = "partners-portal";

    /** The user's merchant (absent for operators). */
    public static final String MERCHANT_ID = "merchant_id";
    /** The legal entity ids the user may see; absent or empty means all of the merchant's. */
    public static final String ENTITIES = "entities";
    /** {@link Permission#code()}s. */
    public static final String PERMISSIONS = "permissions";
    public static final String ROLE = "role";
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    /** {@code en} or {@code ar}. */
    public static final String LOCALE = "locale";

    private AccessTokenClaims() {
    }
}
