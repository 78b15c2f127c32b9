package com.partnersportal.identity.signin;

import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.role.AssignedRole;
import com.partnersportal.identity.role.Roles;
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
 * the client address for a while.
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
    private final TransactionTemplate transaction;
    private final SignInOutcomes outcomes;
    private final Clock clock;

    SignIn(Users users, Roles roles, PasswordHasher passwords, SignInAttempts attempts, AccessTokens accessTokens,
            RefreshTokens refreshTokens, TransactionTemplate transaction, SignInOutcomes outcomes, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.attempts = attempts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.transaction = transaction;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** A new access token and the refresh token that gets the next one. */
    record Session(String accessToken, Duration accessTokenTtl, String refreshToken, Instant refreshTokenExpiresAt) {
    }

    Session signIn(String typedEmail, String password, String clientAddress) {
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
        attempts.record(email, clientAddress, matches);
        if (!matches) {
            outcomes.signIn("invalid_credentials");
            throw invalidCredentials();
        }
        if (user.get().status() != UserStatus.ACTIVE) {
            outcomes.signIn("disabled");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
                    "This account is disabled; ask your team's admin.");
        }
        Session session = transaction.execute(status -> start(user.get()));
        outcomes.signIn("success");
        return session;
    }

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
            outcomes.refresh("success");
            AssignedRole role = roles.held(user.get().role(), user.get().customRoleId());
            return new Session(accessTokens.issue(user.get(), role), accessTokens.ttl(), rotated.next().secret(),
                    rotated.next().expiresAt());
        }) instanceof Session session ? session : refuseRefresh();
    }

    void signOut(String refreshToken) {
        transaction.executeWithoutResult(status -> refreshTokens.revokeSessionOf(refreshToken));
    }

    private Session start(User user) {
        AssignedRole role = roles.held(user.role(), user.customRoleId());
        RefreshTokens.Issued refresh = refreshTokens.start(user.id());
        return new Session(accessTokens.issue(user, role), accessTokens.ttl(), refresh.secret(), refresh.expiresAt());
    }

    private static Session refuseRefresh() {
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "This session has ended; sign in again.");
    }

    private static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The email or the password is wrong.");
    }

    private static void pause(Duration wait) {
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
