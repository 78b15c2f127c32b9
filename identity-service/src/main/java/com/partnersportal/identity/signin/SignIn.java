package com.partnersportal.identity.signin;

import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.role.AssignedRole;
import com.partnersportal.identity.role.Roles;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.secondfactor.TeamPolicy;
import com.partnersportal.identity.session.RefreshTokens;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.identity.user.Users;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs users in (email and password), refreshes and ends sessions. A wrong password and an unknown email get the
 * same answer after the same work (a dummy hash check); repeated failures slow down and then lock the account and
 * the client address for a while. A user with a second factor, or whose team requires one, gets a challenge instead
 * of tokens ({@link SecondStep} completes it); their correct password is then not yet counted as a success, so wrong
 * codes keep counting towards the same lock.
 */
@Service
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final Users users;
    private final Roles roles;
    private final PasswordHasher passwords;
    private final SignInAttempts attempts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final TeamPolicy teamPolicy;
    private final SignInChallenges challenges;
    private final TransactionTemplate transaction;
    private final SignInOutcomes outcomes;
    private final Clock clock;

    SignIn(Users users, Roles roles, PasswordHasher passwords, SignInAttempts attempts, AccessTokens accessTokens,
            RefreshTokens refreshTokens, Sessions sessions, SecondFactors secondFactors, TeamPolicy teamPolicy,
            SignInChallenges challenges, TransactionTemplate transaction, SignInOutcomes outcomes, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.attempts = attempts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.teamPolicy = teamPolicy;
        this.challenges = challenges;
        this.transaction = transaction;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** What a correct password leads to: a session, or the next step before one. */
    sealed interface Outcome permits Started, Challenged {
    }

    record Started(Session session) implements Outcome {
    }

    record Challenged(SignInChallenges.Issued challenge) implements Outcome {
    }

    Outcome signIn(String typedEmail, String password, String clientAddress) {
        String email = typedEmail.strip().toLowerCase(Locale.ROOT);
        Optional<Instant> locked = attempts.lockedUntil(email, clientAddress);
        if (locked.isPresent()) {
            outcomes.signIn("locked");
            throw new TooManyAttempts(Duration.between(clock.instant(), locked.get()));
        }
        pause(attempts.slowDown(email));
        Optional<User> user = users.findByEmail(email);
        boolean matches = user.isPresent() && user.get().passwordHash() != null
                ? passwords.matches(password, user.get().passwordHash())
                : passwords.matchesNothing(password);
        if (!matches) {
            attempts.record(email, clientAddress, false);
            outcomes.signIn("invalid_credentials");
            throw invalidCredentials();
        }
        User found = user.get();
        if (found.status() != UserStatus.ACTIVE) {
            attempts.record(email, clientAddress, true);
            outcomes.signIn("disabled");
            throw accountDisabled();
        }
        if (secondFactors.isEnabled(found.id())) {
            outcomes.signIn("second_factor_required");
            return new Challenged(challenges.issue(found.id(), email, SignInChallenges.Purpose.SECOND_FACTOR));
        }
        attempts.record(email, clientAddress, true);
        if (teamPolicy.requiresSecondFactor(found.merchantId())) {
            outcomes.signIn("enrolment_required");
            return new Challenged(challenges.issue(found.id(), email, SignInChallenges.Purpose.ENROLMENT));
        }
        Session session = transaction.execute(status -> sessions.start(found));
        outcomes.signIn("success");
        return new Started(session);
    }

    /**
     * A new pair for a refresh token. Refused (and the session ended) once the user is disabled, or when their team
     * requires a second factor they do not have: they must sign in again and enrol.
     */
    Session refresh(String refreshToken) {
        return transaction.execute(status -> {
            RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
            if (rotation instanceof RefreshTokens.Refused refused) {
                if (refused.reason() == RefreshTokens.Reason.REUSED) {
                    log.warn("A refresh token was presented again after it had been rotated; its session is revoked");
                }
                outcomes.refresh(refused.reason().name().toLowerCase(Locale.ROOT));
                return null;
            }
            RefreshTokens.Rotated rotated = (RefreshTokens.Rotated) rotation;
            Optional<User> user = users.find(rotated.userId()).filter(u -> u.status() == UserStatus.ACTIVE);
            if (user.isEmpty()) {
                refreshTokens.revokeFamily(rotated.next().familyId());
                outcomes.refresh("disabled");
                return null;
            }
            if (teamPolicy.requiresSecondFactor(user.get().merchantId()) && !secondFactors.isEnabled(user.get().id())) {
                refreshTokens.revokeFamily(rotated.next().familyId());
                outcomes.refresh("second_factor_required");
                return null;
            }
            outcomes.refresh("success");
            AssignedRole role = roles.held(user.get().role(), user.get().customRoleId());
            return new Session(accessTokens.issue(user.get(), role), accessTokens.ttl(), rotated.next().secret(),
                    rotated.next().expiresAt());
        }) instanceof Session session ? session : refuseRefresh();
    }

    void signOut(String refreshToken) {
        transaction.executeWithoutResult(status -> refreshTokens.revokeSessionOf(refreshToken));
    }

    private static Session refuseRefresh() {
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "This session has ended; sign in again.");
    }

    private static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The email or the password is wrong.");
    }

    static ApiProblem accountDisabled() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
                "This account is disabled; ask your team's admin.");
    }

    static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
