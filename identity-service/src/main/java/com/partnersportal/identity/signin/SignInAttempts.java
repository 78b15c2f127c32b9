package com.partnersportal.identity.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account (the email as typed, known or not, so that a lockout reveals nothing) and per
 * client address, and says when either is locked and until when.
 */
@Component
public class SignInAttempts {

    private static final Duration KEPT_FOR = Duration.ofDays(1);
    private static final Duration LONGEST_SLOW_DOWN = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInProperties properties;

    SignInAttempts(JdbcClient jdbc, Clock clock, SignInProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Until when the account or the address is locked, if it is. */
    Optional<Instant> lockedUntil(String email, String clientAddress) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.window());
        Optional<Instant> account = lockedUntil(accountFailures(email, since), properties.maxFailuresPerAccount(), now);
        Optional<Instant> address = lockedUntil(addressFailures(clientAddress, since),
                properties.maxFailuresPerAddress(), now);
        if (account.isPresent() && address.isPresent()) {
            return Optional.of(account.get().isAfter(address.get()) ? account.get() : address.get());
        }
        return account.isPresent() ? account : address;
    }

    /** How long to make this attempt wait, given the account's recent failures. */
    Duration slowDown(String email) {
        long failures = accountFailures(email, clock.instant().minus(properties.window())).count();
        long beyond = failures - properties.slowDownAfter() + 1;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration wait = properties.slowDownStep().multipliedBy(beyond);
        return wait.compareTo(LONGEST_SLOW_DOWN) > 0 ? LONGEST_SLOW_DOWN : wait;
    }

    /**
     * The account's owner proved they hold its mailbox (a password reset): earlier failures on the account no
     * longer count, so its lock, if any, is lifted. The client address's own count is untouched.
     */
    public void accountRecovered(String email, String clientAddress) {
        record(email.strip().toLowerCase(Locale.ROOT), clientAddress, true);
    }

    void record(String email, String clientAddress, boolean succeeded) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO sign_in_attempt (email, client_address, succeeded, attempted_at)
                        VALUES (:email, :address, :succeeded, :now)""")
                .param("email", email).param("address", clientAddress).param("succeeded", succeeded)
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("DELETE FROM sign_in_attempt WHERE attempted_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(KEPT_FOR))).update();
    }

    private record Failures(long count, Instant latest) {
    }

    private Failures accountFailures(String email, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) AS failures, max(attempted_at) AS latest FROM sign_in_attempt
                        WHERE email = :email AND NOT succeeded AND attempted_at > :since
                          AND attempted_at > coalesce((SELECT max(attempted_at) FROM sign_in_attempt
                                                       WHERE email = :email AND succeeded), '-infinity')""")
                .param("email", email).param("since", Timestamp.from(since))
                .query((rs, n) -> new Failures(rs.getLong("failures"), latest(rs.getTimestamp("latest"))))
                .single();
    }

    private Failures addressFailures(String clientAddress, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) AS failures, max(attempted_at) AS latest FROM sign_in_attempt
                        WHERE client_address = :address AND NOT succeeded AND attempted_at > :since""")
                .param("address", clientAddress).param("since", Timestamp.from(since))
                .query((rs, n) -> new Failures(rs.getLong("failures"), latest(rs.getTimestamp("latest"))))
                .single();
    }

    private Optional<Instant> lockedUntil(Failures failures, int max, Instant now) {
        if (failures.count() < max) {
            return Optional.empty();
        }
        Instant until = failures.latest().plus(properties.lockout());
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    private static Instant latest(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
