package com.partnersportal.identity.apitoken;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.session.AccessRevocations;
import com.partnersportal.kit.jdbc.SnakeCaseRecords;
import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues merchant API tokens: 256 random bits, shown once, stored as a hash. Revoking one takes effect everywhere
 * within a minute (services cache introspection answers for 60 s).
 */
@Service
public class ApiTokens {

    /** By snake_case column name, without an exception per camelCase component and row (SnakeCaseRecords). */
    private static final RowMapper<ApiToken> ROWS = SnakeCaseRecords.of(ApiToken.class);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = 16;
    /** last_used_at is written at most this often per token: it is a hint, not a log. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_LIVE_TOKENS = 50;

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final AccessRevocations revocations;

    ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, AuditLog audit, Clock clock, AccessRevocations revocations) {
        this.revocations = revocations;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The issued token's id and its secret, which is never shown again. */
    public record IssuedToken(UUID id, String secret) {
    }

    /** Issues a token under this name, revoking any earlier one of the same name (the demo seed). */
    @Transactional
    public IssuedToken reissue(UUID merchantId, String name, String environmentLabel) {
        tokens.findByMerchantIdAndNameAndRevokedAtIsNull(merchantId, name)
                .forEach(old -> tokens.save(old.revokedAt(clock.instant())));
        return issue(merchantId, name, environmentLabel, "system");
    }

    /** A merchant's admin or developer creates a token for their systems. Names are unique among live tokens. */
    @Transactional
    public IssuedToken create(Actor actor, UUID merchantId, String name, String environmentLabel) {
        String stripped = name.strip();
        if (!tokens.findByMerchantIdAndNameAndRevokedAtIsNull(merchantId, stripped).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "api_token_name_taken",
                    "A live API token is named '%s' already.".formatted(stripped));
        }
        long live = jdbc.sql("SELECT count(*) FROM api_token WHERE merchant_id = :m AND revoked_at IS NULL")
                .param("m", merchantId).query(Long.class).single();
        if (live >= MAX_LIVE_TOKENS) {
            throw new ApiProblem(HttpStatus.CONFLICT, "api_token_limit_reached",
                    "A merchant may have at most %d live API tokens; revoke one first.".formatted(MAX_LIVE_TOKENS),
                    Map.of("max", MAX_LIVE_TOKENS));
        }
        IssuedToken issued = issue(merchantId, stripped, environmentLabel, actor.id());
        ApiToken token = tokens.findByIdAndMerchantId(issued.id(), merchantId).orElseThrow();
        audit.record(actor, merchantId, AuditAction.API_TOKEN_CREATED, "api_token", token.id(), null,
                Map.of("name", token.name(), "prefix", token.tokenPrefix()));
        return issued;
    }

    /** One page of the merchant's tokens, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<ApiToken> tokens, String nextCursor) {
    }

    @Transactional(readOnly = true)
    public Page list(UUID merchantId, String cursor, Integer requestedLimit) {
        int limit = requestedLimit == null ? 50 : requestedLimit;
        if (limit < 1 || limit > 200) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be between 1 and 200.",
                    Map.of("max", 200));
        }
        PageCursor after = PageCursor.decode("api-tokens", cursor);
        String sql = "SELECT * FROM api_token WHERE merchant_id = :merchantId"
                + (after == null ? "" : " AND (created_at, id) < (:afterTime, :afterId)")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        var query = jdbc.sql(sql).param("merchantId", merchantId).param("limit", limit + 1);
        if (after != null) {
            query = query.param("afterTime", Timestamp.from(after.instant(0))).param("afterId", after.uuid(1));
        }
        List<ApiToken> page = new ArrayList<>(query.query(ROWS).list());
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = PageCursor.encode("api-tokens", page.getLast().createdAt(), page.getLast().id());
        }
        return new Page(page, next);
    }

    @Transactional(readOnly = true)
    public ApiToken get(UUID merchantId, UUID tokenId) {
        return own(merchantId, tokenId);
    }

    @Transactional
    public ApiToken revoke(Actor actor, UUID merchantId, UUID tokenId) {
        ApiToken token = own(merchantId, tokenId);
        if (token.revokedAt() != null) {
            return token;
        }
        ApiToken revoked = tokens.save(token.revokedAt(clock.instant()));
        revocations.revokeApiToken(token.id(), merchantId);
        audit.record(actor, merchantId, AuditAction.API_TOKEN_REVOKED, "api_token", token.id(),
                Map.of("name", token.name(), "revoked", false), Map.of("name", token.name(), "revoked", true));
        return revoked;
    }

    /** The live (not revoked) token with this secret, found by its hash; notes that it was used. */
    @Transactional
    public Optional<ApiToken> findLive(String secret) {
        Optional<ApiToken> token = tokens.findByTokenHashAndRevokedAtIsNull(sha256(secret));
        token.ifPresent(this::noteUse);
        return token;
    }

    private void noteUse(ApiToken token) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE api_token SET last_used_at = :now
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)""")
                .param("now", Timestamp.from(now)).param("id", token.id())
                .param("threshold", Timestamp.from(now.minus(LAST_USED_RESOLUTION)))
                .update();
    }

    private ApiToken own(UUID merchantId, UUID tokenId) {
        return tokens.findByIdAndMerchantId(tokenId, merchantId).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "api_token_not_found", "There is no such API token."));
    }

    private IssuedToken issue(UUID merchantId, String name, String environmentLabel, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "ppk_" + environmentLabel + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID(), merchantId, name, sha256(secret),
                secret.substring(0, PREFIX_LENGTH), clock.instant(), null, null, createdBy, null));
        return new IssuedToken(token.id(), secret);
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
