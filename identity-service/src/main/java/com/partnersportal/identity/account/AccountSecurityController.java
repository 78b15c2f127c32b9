package com.partnersportal.identity.account;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.secondfactor.TeamPolicy;
import com.partnersportal.identity.signin.Reauthentication;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.identity.user.Users;
import com.partnersportal.identity.web.ClientAddress;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own security section: their second factor. Turning it on starts with the password (and, to
 * replace an authenticator, a code from the current one); turning it off and making new recovery codes need the
 * password and a code. A user whose team requires a second factor cannot turn it off, only replace it.
 */
@RestController
class AccountSecurityController {

    private final Users users;
    private final SecondFactors secondFactors;
    private final TeamPolicy teamPolicy;
    private final Reauthentication reauthentication;

    AccountSecurityController(Users users, SecondFactors secondFactors, TeamPolicy teamPolicy,
            Reauthentication reauthentication) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.teamPolicy = teamPolicy;
        this.reauthentication = reauthentication;
    }

    /** The password, and a code or a recovery code when the user has a second factor already. */
    record ProofRequest(@NotEmpty @Size(max = 1024) String password, @Size(max = 32) String code,
            @Size(max = 64) String recoveryCode) {

        Reauthentication.Proof proof() {
            return new Reauthentication.Proof(password, code, recoveryCode);
        }
    }

    record ConfirmationRequest(@NotBlank @Size(max = 32) String code) {
    }

    record SecondFactorStatus(boolean enabled, Instant enabledAt, int recoveryCodesRemaining, boolean requiredByTeam) {
    }

    record EnrolmentResponse(String secret, String otpauthUri, String qrCode, Instant expiresAt) {
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    @GetMapping("/portal/v1/me/second-factor")
    SecondFactorStatus status(Caller caller) {
        User user = signedIn(caller);
        SecondFactors.Status status = secondFactors.status(user.id());
        return new SecondFactorStatus(status.enabled(), status.enabledAt(), status.recoveryCodesRemaining(),
                teamPolicy.requiresSecondFactor(user.merchantId()));
    }

    @PostMapping("/portal/v1/me/second-factor/enrolment")
    @Authorize(kind = {Caller.Kind.USER, Caller.Kind.OPERATOR})
    ResponseEntity<EnrolmentResponse> startEnrolment(Caller caller, @Valid @RequestBody ProofRequest request,
            HttpServletRequest http) {
        User user = signedIn(caller);
        reauthentication.confirm(Actor.of(caller), user, request.proof(), ClientAddress.of(http));
        SecondFactors.Enrolment enrolment = secondFactors.startEnrolment(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new EnrolmentResponse(enrolment.secret(),
                enrolment.otpauthUri(), enrolment.qrCode(), enrolment.expiresAt()));
    }

    @PostMapping("/portal/v1/me/second-factor/enrolment/confirmation")
    @Authorize(kind = {Caller.Kind.USER, Caller.Kind.OPERATOR})
    ResponseEntity<RecoveryCodesResponse> confirmEnrolment(Caller caller,
            @Valid @RequestBody ConfirmationRequest request) {
        User user = signedIn(caller);
        List<String> codes = secondFactors.confirmEnrolment(Actor.of(caller), user, request.code().replaceAll("\\s", ""));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodesResponse(codes));
    }

    @PostMapping("/portal/v1/me/second-factor/disable")
    @Authorize(kind = {Caller.Kind.USER, Caller.Kind.OPERATOR})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(Caller caller, @Valid @RequestBody ProofRequest request, HttpServletRequest http) {
        User user = signedIn(caller);
        requireEnabled(user);
        if (teamPolicy.requiresSecondFactor(user.merchantId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "second_factor_required_by_team",
                    "Your team requires two-step verification: you can replace your authenticator, not turn it off.");
        }
        reauthentication.confirm(Actor.of(caller), user, request.proof(), ClientAddress.of(http));
        secondFactors.disable(Actor.of(caller), user);
    }

    @PostMapping("/portal/v1/me/second-factor/recovery-codes")
    @Authorize(kind = {Caller.Kind.USER, Caller.Kind.OPERATOR})
    ResponseEntity<RecoveryCodesResponse> regenerateRecoveryCodes(Caller caller,
            @Valid @RequestBody ProofRequest request, HttpServletRequest http) {
        User user = signedIn(caller);
        requireEnabled(user);
        reauthentication.confirm(Actor.of(caller), user, request.proof(), ClientAddress.of(http));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RecoveryCodesResponse(secondFactors.regenerateRecoveryCodes(Actor.of(caller), user)));
    }

    private void requireEnabled(User user) {
        if (!secondFactors.isEnabled(user.id())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "second_factor_not_enrolled",
                    "You have no second factor; turn on two-step verification first.");
        }
    }

    /** The user behind a portal access token (a merchant's user or an operator); API tokens have no account. */
    private User signedIn(Caller caller) {
        if (caller.kind() == Caller.Kind.API_TOKEN) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Only a signed-in user has a security section.");
        }
        UUID userId;
        try {
            userId = UUID.fromString(caller.actorId());
        } catch (IllegalArgumentException e) {
            throw notSignedIn();
        }
        return users.find(userId).filter(user -> user.status() == UserStatus.ACTIVE).orElseThrow(this::notSignedIn);
    }

    private ApiProblem notSignedIn() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in again.");
    }
}
