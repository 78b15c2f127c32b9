package com.partnersportal.identity.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues merchant API tokens: 256 random bits, shown once, stored as a hash. */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = 16;

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The issued token's id and its secret, which is never shown again. */
    public record IssuedToken(UUID id, String secret) {
    }

    /** Issues a token under this name, revoking any earlier one of the same name. */
    @Transactional
    public IssuedToken reissue(UUID merchantId, String name, String environmentLabel) {
        tokens.findByMerchantIdAndNameAndRevokedAtIsNull(merchantId, name)
                .forEach(old -> tokens.save(old.revokedAt(clock.instant())));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "ppk_" + environmentLabel + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID(), merchantId, name, sha256(secret),
                secret.substring(0, PREFIX_LENGTH), clock.instant(), null, null));
        return new IssuedToken(token.id(), secret);
    }

    /** The live (not revoked) token with this secret, found by its hash. */
    @Transactional(readOnly = true)
    public Optional<ApiToken> findLive(String secret) {
        return tokens.findByTokenHashAndRevokedAtIsNull(sha256(secret));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
