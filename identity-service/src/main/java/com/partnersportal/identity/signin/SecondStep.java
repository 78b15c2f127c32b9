package com.partnersportal.identity.signin;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.identity.user.Users;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a sign-in that a correct password started ({@link SignIn}): with a code from the user's authenticator or
 * one of their recovery codes, or, when their team requires a second factor they do not have, by enrolling one. Wrong
 * codes and recovery codes count as failed sign-ins of the account (the same slow-down and lock as wrong
 * passwords); a code whose time step was used already is refused as a replay. Only a completed challenge gives
 * tokens.
 */
@Service
class SecondStep {

    private final SignInChallenges challenges;
    private final Users users;
    private final SecondFactors secondFactors;
    private final SignInAttempts attempts;
    private final Sessions sessions;
    private final TransactionTemplate transaction;
    private final SignInOutcomes outcomes;
    private final Clock clock;

    SecondStep(SignInChallenges challenges, Users users, SecondFactors secondFactors, SignInAttempts attempts,
            Sessions sessions, TransactionTemplate transaction, SignInOutcomes outcomes, Clock clock) {
        this.challenges = challenges;
        this.users = users;
        this.secondFactors = secondFactors;
        this.attempts = attempts;
        this.sessions = sessions;
        this.transaction = transaction;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * A completed sign-in: the session, and the recovery codes left (after one was used) or the new recovery codes
     * (after enrolment, to be shown once).
     */
    record Completed(Session session, Integer recoveryCodesRemaining, List<String> recoveryCodes) {
    }

    private record Attempt(SecondFactors.Check check, Completed completed) {
    }

    Completed withCode(String token, String code, String clientAddress) {
        SignInChallenges.Challenge challenge = challenges.open(token, SignInChallenges.Purpose.SECOND_FACTOR);
        guard(challenge, clientAddress);
        User user = activeUser(challenge);
        Attempt attempt = transaction.execute(status -> {
            SecondFactors.Check check = secondFactors.verify(user.id(), code);
            return new Attempt(check, check == SecondFactors.Check.ACCEPTED
                    ? complete(challenge, user, clientAddress, null, null) : null);
        });
        switch (attempt.check()) {
            case ACCEPTED -> {
                outcomes.secondFactor("accepted");
                return attempt.completed();
            }
            case NOT_ENROLLED -> throw SignInChallenges.invalid();
            case REPLAYED -> {
                attempts.record(challenge.email(), clientAddress, false);
                outcomes.secondFactor("replayed");
                throw codeUsed();
            }
            default -> {
                attempts.record(challenge.email(), clientAddress, false);
                outcomes.secondFactor("invalid");
                throw codeInvalid();
            }
        }
    }

    Completed withRecoveryCode(String token, String recoveryCode, String clientAddress) {
        SignInChallenges.Challenge challenge = challenges.open(token, SignInChallenges.Purpose.SECOND_FACTOR);
        guard(challenge, clientAddress);
        User user = activeUser(challenge);
        Completed completed = transaction.execute(status -> secondFactors
                .useRecoveryCode(actor(user), user, recoveryCode)
                .map(left -> complete(challenge, user, clientAddress, left, null))
                .orElse(null));
        if (completed == null) {
            attempts.record(challenge.email(), clientAddress, false);
            outcomes.secondFactor("recovery_code_invalid");
            throw recoveryCodeInvalid();
        }
        outcomes.secondFactor("recovery_code");
        return completed;
    }

    SecondFactors.Enrolment startEnrolment(String token) {
        SignInChallenges.Challenge challenge = challenges.open(token, SignInChallenges.Purpose.ENROLMENT);
        return secondFactors.startEnrolment(activeUser(challenge));
    }

    Completed confirmEnrolment(String token, String code, String clientAddress) {
        SignInChallenges.Challenge challenge = challenges.open(token, SignInChallenges.Purpose.ENROLMENT);
        User user = activeUser(challenge);
        Completed completed = transaction.execute(status -> {
            List<String> recoveryCodes = secondFactors.confirmEnrolment(actor(user), user, code);
            return complete(challenge, user, clientAddress, null, recoveryCodes);
        });
        outcomes.secondFactor("enrolled");
        return completed;
    }

    private Completed complete(SignInChallenges.Challenge challenge, User user, String clientAddress,
            Integer recoveryCodesRemaining, List<String> recoveryCodes) {
        challenges.complete(challenge);
        attempts.record(challenge.email(), clientAddress, true);
        return new Completed(sessions.start(user), recoveryCodesRemaining, recoveryCodes);
    }

    private void guard(SignInChallenges.Challenge challenge, String clientAddress) {
        Optional<Instant> locked = attempts.lockedUntil(challenge.email(), clientAddress);
        if (locked.isPresent()) {
            outcomes.secondFactor("locked");
            throw new TooManyAttempts(Duration.between(clock.instant(), locked.get()));
        }
        SignIn.pause(attempts.slowDown(challenge.email()));
    }

    private User activeUser(SignInChallenges.Challenge challenge) {
        User user = users.find(challenge.userId()).orElseThrow(SignInChallenges::invalid);
        if (user.status() != UserStatus.ACTIVE) {
            throw SignIn.accountDisabled();
        }
        return user;
    }

    private static Actor actor(User user) {
        return new Actor(Caller.Kind.USER.wireName(), user.id().toString(), user.email());
    }

    static ApiProblem codeInvalid() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "second_factor_code_invalid",
                "That code is not right. Enter the code your authenticator app shows now.");
    }

    static ApiProblem codeUsed() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "second_factor_code_used",
                "That code was used already. Wait for your authenticator to show the next one.");
    }

    static ApiProblem recoveryCodeInvalid() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "recovery_code_invalid",
                "That recovery code is not one of yours, or it was used already.");
    }
}
