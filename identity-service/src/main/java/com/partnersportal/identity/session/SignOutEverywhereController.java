package com.partnersportal.identity.session;

import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user ends every session they have, on every device: refresh tokens and access tokens alike. */
@RestController
class SignOutEverywhereController {

    private final RefreshTokens sessions;
    private final AccessRevocations revocations;
    private final TransactionTemplate transaction;

    SignOutEverywhereController(RefreshTokens sessions, AccessRevocations revocations, TransactionTemplate transaction) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.transaction = transaction;
    }

    @PostMapping("/auth/v1/sign-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOutEverywhere(Caller caller) {
        if (caller.kind() != Caller.Kind.USER && caller.kind() != Caller.Kind.OPERATOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "user_token_required", "Sign in to the portal to call this.");
        }
        UUID userId = UUID.fromString(caller.actorId());
        transaction.executeWithoutResult(status -> {
            sessions.revokeAllOf(userId);
            revocations.revokeUser(userId, caller.merchantId(), AccessRevocations.SIGNED_OUT_EVERYWHERE);
        });
    }
}
