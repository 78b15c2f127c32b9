package com.partnersportal.identity.signin;

import com.partnersportal.identity.web.Tokens;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step between a correct password and the tokens: a challenge (256 random bits, stored as SHA-256) that only
 * the second factor, or enrolling one, completes. Short-lived and single use; the email is kept as it was typed,
 * so wrong codes count against the same account lock as wrong passwords.
 */
@Component
class SignInChallenges {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    enum Purpose {
        /** The user has a second factor: a code or a recovery code completes the sign-in. */
        SECOND_FACTOR(Duration.ofMinutes(5)),
        /** The user's team requires a second factor and they have none: enrolling one completes the sign-in. */
        ENROLMENT(Duration.ofMinutes(15));

        private final Duration ttl;

        Purpose(Duration ttl) {
            this.ttl = ttl;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Issued(String token, Purpose purpose, Instant expiresAt) {
    }

    record Challenge(UUID id, UUID userId, String email) {
    }

    Issued issue(UUID userId, String email, Purpose purpose) {
        Instant now = clock.instant();
        String token = Tokens.randomSecret();
        jdbc.sql("""
                        INSERT INTO sign_in_challenge (id, user_id, purpose, token_hash, email, created_at, expires_at)
                        VALUES (:id, :userId, :purpose, :hash, :email, :now, :expiresAt)""")
                .param("id", UUID.randomUUID()).param("userId", userId).param("purpose", purpose.wireName())
                .param("hash", Tokens.sha256(token)).param("email", email).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(purpose.ttl))).update();
        jdbc.sql("DELETE FROM sign_in_challenge WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        return new Issued(token, purpose, now.plus(purpose.ttl));
    }

    /** The open challenge this token stands for; a problem ({@code sign_in_challenge_invalid}) if none. */
    Challenge open(String token, Purpose purpose) {
        return jdbc.sql("""
                        SELECT id, user_id, email FROM sign_in_challenge
                        WHERE token_hash = :hash AND purpose = :purpose AND completed_at IS NULL AND expires_at > :now""")
                .param("hash", Tokens.sha256(token)).param("purpose", purpose.wireName())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Challenge(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("email")))
                .optional().orElseThrow(SignInChallenges::invalid);
    }

    /** Uses the challenge up; of two requests racing with it, only one completes the sign-in. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(Challenge challenge) {
        int updated = jdbc.sql("""
                        UPDATE sign_in_challenge SET completed_at = :now
                        WHERE id = :id AND completed_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(clock.instant())).param("id", challenge.id()).update();
        if (updated == 0) {
            throw invalid();
        }
    }

    static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "sign_in_challenge_invalid",
                "This sign-in has expired or was completed already; sign in again with your password.");
    }
}
