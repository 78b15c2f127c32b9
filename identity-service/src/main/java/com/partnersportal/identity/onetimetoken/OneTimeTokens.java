package com.partnersportal.identity.onetimetoken;

import com.partnersportal.identity.web.Tokens;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single-use secrets in activation and password-reset links: 256 random bits, of which only the SHA-256 hash
 * is stored. Issuing one voids the user's earlier ones of the same purpose. A link that is unknown, used, replaced or
 * expired gets a problem that says which ({@code activation_link_invalid} 404, {@code _used} 409, {@code _expired}
 * 410), never an error page.
 */
@Component
public class OneTimeTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The secret to mail (never stored), when it was issued and when it stops working. */
    public record Issued(String secret, Instant issuedAt, Instant expiresAt) {
    }

    /** A link that still works: whose it is. */
    public record Valid(UUID tokenId, UUID userId, Instant expiresAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Issued issue(UUID userId, TokenPurpose purpose, Duration validFor) {
        Instant now = clock.instant();
        voidAll(userId, purpose);
        String secret = Tokens.randomSecret();
        Instant expiresAt = now.plus(validFor);
        jdbc.sql("""
                        INSERT INTO user_token (id, user_id, purpose, token_hash, created_at, expires_at)
                        VALUES (:id, :userId, :purpose, :hash, :now, :expiresAt)""")
                .param("id", UUID.randomUUID()).param("userId", userId).param("purpose", purpose.name())
                .param("hash", Tokens.sha256(secret)).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        return new Issued(secret, now, expiresAt);
    }

    /** The link's user if it still works; the problem that says why not otherwise. Does not use it up. */
    @Transactional(readOnly = true)
    public Valid check(String secret, TokenPurpose purpose) {
        Row row = jdbc.sql("SELECT * FROM user_token WHERE token_hash = :hash AND purpose = :purpose")
                .param("hash", Tokens.sha256(secret)).param("purpose", purpose.name())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("voided_at"))))
                .optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, purpose.problemPrefix() + "_invalid",
                        "This link is not valid. Check that you copied the whole link from the email."));
        if (row.usedAt() != null) {
            throw used(purpose);
        }
        if (row.voidedAt() != null) {
            throw new ApiProblem(HttpStatus.GONE, purpose.problemPrefix() + "_expired",
                    "This link was replaced by a newer one; use the link in the latest email.",
                    Map.of("reason", "replaced"));
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            throw new ApiProblem(HttpStatus.GONE, purpose.problemPrefix() + "_expired",
                    "This link has expired.", Map.of("reason", "expired", "expired_at", row.expiresAt().toString()));
        }
        return new Valid(row.id(), row.userId(), row.expiresAt());
    }

    /** Uses the link up; of two requests racing with the same link, only one wins. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(Valid token, TokenPurpose purpose) {
        int updated = jdbc.sql("""
                        UPDATE user_token SET used_at = :now
                        WHERE id = :id AND used_at IS NULL AND voided_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(clock.instant())).param("id", token.tokenId()).update();
        if (updated == 0) {
            throw used(purpose);
        }
    }

    /** How many links of this purpose the user was sent since then (to keep reset emails from being a spam cannon). */
    @Transactional(readOnly = true)
    public long issuedSince(UUID userId, TokenPurpose purpose, Instant since) {
        return jdbc.sql("SELECT count(*) FROM user_token WHERE user_id = :userId AND purpose = :purpose AND created_at > :since")
                .param("userId", userId).param("purpose", purpose.name()).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** Voids every unused link of this purpose the user was sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voidAll(UUID userId, TokenPurpose purpose) {
        jdbc.sql("""
                        UPDATE user_token SET voided_at = :now
                        WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL AND voided_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("userId", userId).param("purpose", purpose.name())
                .update();
    }

    private static ApiProblem used(TokenPurpose purpose) {
        return new ApiProblem(HttpStatus.CONFLICT, purpose.problemPrefix() + "_used",
                "This link has been used already; each link works once.");
    }

    private record Row(UUID id, UUID userId, Instant expiresAt, Instant usedAt, Instant voidedAt) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
