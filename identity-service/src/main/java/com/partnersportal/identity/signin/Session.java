package com.partnersportal.identity.signin;

import java.time.Duration;
import java.time.Instant;

/** A new access token and the refresh token that gets the next one. */
record Session(String accessToken, Duration accessTokenTtl, String refreshToken, Instant refreshTokenExpiresAt) {
}
