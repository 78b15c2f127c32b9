package com.partnersportal.identity.apitoken;

/** Lets tests elsewhere hash a token the way the service stores it. */
public final class ApiTokensTestAccess {

    private ApiTokensTestAccess() {
    }

    public static String sha256(String token) {
        return ApiTokens.sha256(token);
    }
}
