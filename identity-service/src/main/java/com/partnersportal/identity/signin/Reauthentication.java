package com.partnersportal.identity.signin;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.user.User;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in user proves again that it is them before changing their second factor: their password and, when they
 * have a second factor, a code from it or a recovery code. Failures count against the same account and address lock
 * as sign-ins do, so a stolen access token is no way to guess a password or codes. Refusals are 403 (the access token
 * itself is fine), never 401, which a client would take as a reason to refresh and retry.
 */
@Component
public class Reauthentication {

    private final PasswordHasher passwords;
    private final SecondFactors secondFactors;
    private final SignInAttempts attempts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reauthentication(PasswordHasher passwords, SecondFactors secondFactors, SignInAttempts attempts,
            TransactionTemplate transaction, Clock clock) {
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.attempts = attempts;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the user sent to prove it is them; {@code code} or {@code recoveryCode} when they have a second factor. */
    public record Proof(String password, String code, String recoveryCode) {
    }

    public void confirm(Actor actor, User user, Proof proof, String clientAddress) {
        String email = user.email().toLowerCase(Locale.ROOT);
        Optional<Instant> locked = attempts.lockedUntil(email, clientAddress);
        if (locked.isPresent()) {
            throw new TooManyAttempts(Duration.between(clock.instant(), locked.get()));
        }
        SignIn.pause(attempts.slowDown(email));
        if (proof.password() == null || user.passwordHash() == null
                || !passwords.matches(proof.password(), user.passwordHash())) {
            attempts.record(email, clientAddress, false);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "password_incorrect", "That is not your password.");
        }
        if (!secondFactors.isEnabled(user.id())) {
            attempts.record(email, clientAddress, true);
            return;
        }
        boolean code = proof.code() != null && !proof.code().isBlank();
        boolean recoveryCode = proof.recoveryCode() != null && !proof.recoveryCode().isBlank();
        if (!code && !recoveryCode) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "second_factor_code_required",
                    "Enter the code from your authenticator app, or one of your recovery codes.");
        }
        if (code) {
            SecondFactors.Check check = secondFactors.verify(user.id(), SignInController.digits(proof.code()));
            if (check != SecondFactors.Check.ACCEPTED) {
                attempts.record(email, clientAddress, false);
                throw forbidden(check == SecondFactors.Check.REPLAYED ? SecondStep.codeUsed() : SecondStep.codeInvalid());
            }
        } else if (transaction.execute(status -> secondFactors.useRecoveryCode(actor, user, proof.recoveryCode()))
                .isEmpty()) {
            attempts.record(email, clientAddress, false);
            throw forbidden(SecondStep.recoveryCodeInvalid());
        }
        attempts.record(email, clientAddress, true);
    }

    private static ApiProblem forbidden(ApiProblem problem) {
        return new ApiProblem(HttpStatus.FORBIDDEN, problem.errorCode(), problem.getMessage());
    }
}
