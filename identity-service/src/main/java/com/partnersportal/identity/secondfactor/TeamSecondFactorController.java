package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.session.AccessRevocations;
import com.partnersportal.identity.session.RefreshTokens;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.Users;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a merchant's admins decide about second factors ({@code users.manage}): whether the team must use one, and
 * removing a member's factor when they lost their device (which also ends their sessions).
 */
@RestController
class TeamSecondFactorController {

    private final TeamPolicy policy;
    private final SecondFactors secondFactors;
    private final Users users;
    private final RefreshTokens sessions;
    private final AccessRevocations revocations;
    private final TransactionTemplate transaction;

    TeamSecondFactorController(TeamPolicy policy, SecondFactors secondFactors, Users users, RefreshTokens sessions,
            AccessRevocations revocations, TransactionTemplate transaction) {
        this.policy = policy;
        this.secondFactors = secondFactors;
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.transaction = transaction;
    }

    record SecuritySettings(@NotNull Boolean secondFactorRequired) {
    }

    @GetMapping("/portal/v1/security-settings")
    SecuritySettings settings(Caller caller) {
        caller.require(Permission.USERS_MANAGE);
        return new SecuritySettings(policy.requiresSecondFactor(caller.requireMerchant()));
    }

    @Authorize(permissions = Permission.USERS_MANAGE)
    @PutMapping("/portal/v1/security-settings")
    SecuritySettings change(Caller caller, @Valid @RequestBody SecuritySettings request) {
        caller.require(Permission.USERS_MANAGE);
        return new SecuritySettings(policy.change(Actor.of(caller), caller.requireMerchant(), userId(caller),
                request.secondFactorRequired()));
    }

    @PostMapping("/portal/v1/users/{id}/second-factor/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        UUID merchantId = caller.requireMerchant();
        if (id.equals(userId(caller))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "own_second_factor",
                    "Change your own second factor on your Security page (it asks for your password and a code).");
        }
        transaction.executeWithoutResult(status -> {
            User user = users.get(merchantId, id).user();
            secondFactors.reset(Actor.of(caller), user);
            sessions.revokeAllOf(user.id());
            revocations.revokeUser(user.id(), merchantId, AccessRevocations.SECOND_FACTOR_RESET);
        });
    }

    private static UUID userId(Caller caller) {
        try {
            return UUID.fromString(caller.actorId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
