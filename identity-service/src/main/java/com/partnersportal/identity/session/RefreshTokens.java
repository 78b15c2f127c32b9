package com.partnersportal.identity.session;

import com.partnersportal.identity.web.Tokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions as families of rotating refresh tokens (opaque, 256 random bits, stored as SHA-256). Each refresh
 * replaces the token with a new one of the same family; presenting a token that was already replaced means two
 * parties hold it, so the whole family is revoked and both must sign in again. A family ends after
 * {@code session-max-age} however often it is refreshed.
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration tokenTtl;
    private final Duration sessionMaxAge;

    RefreshTokens(JdbcClient jdbc, Clock clock,
            @Value("${portal.identity.refresh-token-ttl:7d}") Duration tokenTtl,
            @Value("${portal.identity.session-max-age:30d}") Duration sessionMaxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
        this.sessionMaxAge = sessionMaxAge;
    }

    /** A refresh token to hand out (its secret is never stored) and when it stops working. */
    public record Issued(String secret, UUID familyId, Instant expiresAt) {
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {
    }

    public record Rotated(UUID userId, Issued next) implements Rotation {
    }

    public record Refused(Reason reason) implements Rotation {
    }

    public enum Reason {
        UNKNOWN, EXPIRED, REVOKED,
        /** Already rotated: presented a second time. The family is now revoked. */
        REUSED
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Issued start(UUID userId) {
        Instant now = clock.instant();
        return insert(UUID.randomUUID(), userId, now, now.plus(sessionMaxAge));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Rotation rotate(String secret) {
        Instant now = clock.instant();
        Row row = jdbc.sql("SELECT * FROM refresh_token WHERE token_hash = :hash FOR UPDATE")
                .param("hash", Tokens.sha256(secret))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("family_expires_at").toInstant(), rs.getTimestamp("rotated_at") != null,
                        rs.getTimestamp("revoked_at") != null))
                .optional().orElse(null);
        if (row == null) {
            return new Refused(Reason.UNKNOWN);
        }
        if (row.revoked()) {
            return new Refused(Reason.REVOKED);
        }
        if (row.rotated()) {
            revokeFamily(row.familyId());
            return new Refused(Reason.REUSED);
        }
        if (!row.expiresAt().isAfter(now) || !row.familyExpiresAt().isAfter(now)) {
            return new Refused(Reason.EXPIRED);
        }
        jdbc.sql("UPDATE refresh_token SET rotated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", row.id()).update();
        return new Rotated(row.userId(), insert(row.familyId(), row.userId(), now, row.familyExpiresAt()));
    }

    /** Ends the session the token belongs to (sign-out). Unknown tokens are ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeSessionOf(String secret) {
        jdbc.sql("SELECT family_id FROM refresh_token WHERE token_hash = :hash")
                .param("hash", Tokens.sha256(secret)).query(UUID.class).optional()
                .ifPresent(this::revokeFamily);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("family", familyId).update();
    }

    /** Ends every session of the user (disabled, password reset). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAllOf(UUID userId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).update();
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    private Issued insert(UUID familyId, UUID userId, Instant now, Instant familyExpiresAt) {
        String secret = Tokens.randomSecret();
        Instant expiresAt = now.plus(tokenTtl).isBefore(familyExpiresAt) ? now.plus(tokenTtl) : familyExpiresAt;
        jdbc.sql("""
                        INSERT INTO refresh_token (id, family_id, user_id, token_hash, issued_at, expires_at,
                                                   family_expires_at)
                        VALUES (:id, :family, :user, :hash, :now, :expiresAt, :familyExpiresAt)""")
                .param("id", UUID.randomUUID()).param("family", familyId).param("user", userId)
                .param("hash", Tokens.sha256(secret)).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("familyExpiresAt", Timestamp.from(familyExpiresAt))
                .update();
        return new Issued(secret, familyId, expiresAt);
    }

    private record Row(UUID id, UUID familyId, UUID userId, Instant expiresAt, Instant familyExpiresAt,
            boolean rotated, boolean revoked) {
    }
}
