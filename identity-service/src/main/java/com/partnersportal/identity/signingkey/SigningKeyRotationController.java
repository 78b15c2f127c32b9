package com.partnersportal.identity.signingkey;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators rotate the access-token signing key; nobody is signed out. */
@RestController
class SigningKeyRotationController {

    private final SigningKeys keys;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SigningKeyRotationController(SigningKeys keys, AuditLog audit, TransactionTemplate transaction) {
        this.keys = keys;
        this.audit = audit;
        this.transaction = transaction;
    }

    record RotationResponse(String kid, String previousKid, Instant rotatedAt) {
    }

    @PostMapping("/operator/v1/signing-keys/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    RotationResponse rotate(Caller caller) {
        caller.require(Permission.OPERATOR);
        SigningKeys.Rotation rotation = transaction.execute(status -> {
            SigningKeys.Rotation done = keys.rotate();
            audit.record(Actor.of(caller), null, AuditAction.SIGNING_KEY_ROTATED, "signing_key", done.kid(),
                    Map.of("kid", String.valueOf(done.previousKid())), Map.of("kid", done.kid()));
            return done;
        });
        return new RotationResponse(rotation.kid(), rotation.previousKid(), rotation.rotatedAt());
    }
}
