package com.partnersportal.identity.passwordreset;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.onetimetoken.OneTimeTokens;
import com.partnersportal.identity.onetimetoken.TokenPurpose;
import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.password.PasswordPolicy;
import com.partnersportal.identity.signin.SignInAttempts;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.identity.user.Users;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password": a reset link is mailed to an active user ({@link PasswordResetRequested}, through the
 * outbox); the answer is the same whether the email exists or not. Following the link sets a new password and ends
 * every session the user had.
 */
@Service
class PasswordReset {

    private final Users users;
    private final OneTimeTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final Duration validFor;
    private final Clock clock;
    private final SignInAttempts attempts;

    PasswordReset(Users users, OneTimeTokens tokens, PasswordPolicy policy, PasswordHasher hasher, Outbox outbox,
            SignInAttempts attempts, Clock clock,
            @Value("${portal.identity.password-reset-ttl:72h}") Duration validFor) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.hasher = hasher;
        this.outbox = outbox;
        this.validFor = validFor;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** At most this many reset emails per user per {@link #RESET_EMAIL_WINDOW}; further requests are quietly dropped. */
    static final int MAX_RESET_EMAILS = 3;
    static final Duration RESET_EMAIL_WINDOW = Duration.ofMinutes(15);

    record Link(String email, Instant expiresAt) {
    }

    /** Mails a reset link if an active user has this email; does nothing otherwise, and says nothing either way. */
    @Transactional
    void request(String email) {
        Optional<User> user = users.findByEmail(email).filter(u -> u.status() == UserStatus.ACTIVE);
        if (user.isEmpty()) {
            return;
        }
        User found = user.get();
        if (tokens.issuedSince(found.id(), TokenPurpose.PASSWORD_RESET, clock.instant().minus(RESET_EMAIL_WINDOW))
                >= MAX_RESET_EMAILS) {
            return;
        }
        OneTimeTokens.Issued token = tokens.issue(found.id(), TokenPurpose.PASSWORD_RESET, validFor);
        outbox.append(IdentityTopics.USER_EVENTS, found.id().toString(), PasswordResetRequested.TYPE,
                found.id().toString(), new PasswordResetRequested(found.id(), found.merchantId(), found.email(),
                        found.fullName(), found.locale(), token.secret(), token.expiresAt(), token.issuedAt()));
    }

    @Transactional(readOnly = true)
    Link check(String token) {
        OneTimeTokens.Valid valid = tokens.check(token, TokenPurpose.PASSWORD_RESET);
        return new Link(active(valid).email(), valid.expiresAt());
    }

    /** Sets the new password; the account's sign-in lock, if any, is lifted (its owner proved they hold the mailbox). */
    @Transactional
    User confirm(String token, String password, String clientAddress) {
        OneTimeTokens.Valid valid = tokens.check(token, TokenPurpose.PASSWORD_RESET);
        User user = active(valid);
        policy.check(password, user.email());
        tokens.consume(valid, TokenPurpose.PASSWORD_RESET);
        User changed = users.changePassword(user.id(), hasher.hash(password));
        attempts.accountRecovered(changed.email(), clientAddress);
        return changed;
    }

    private User active(OneTimeTokens.Valid valid) {
        return users.find(valid.userId()).filter(u -> u.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "reset_link_expired",
                        "This account can no longer reset its password; ask your admin."));
    }
}
