package com.partnersportal.identity.signin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.web.ClientAddress;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in (password, then a second factor or enrolling one when needed), refresh and sign-out for portal users and
 * operators. Answers are never cached.
 */
@RestController
class SignInController {

    private final SignIn signIn;
    private final SecondStep secondStep;

    SignInController(SignIn signIn, SecondStep secondStep) {
        this.signIn = signIn;
        this.secondStep = secondStep;
    }

    record SignInRequest(@NotBlank @Size(max = 320) String email, @NotEmpty @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record SignOutRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    /** A code from the authenticator, or else one of the recovery codes. */
    record SecondFactorRequest(@NotBlank @Size(max = 256) String challengeToken, @Size(max = 32) String code,
            @Size(max = 64) String recoveryCode) {
    }

    record EnrolmentRequest(@NotBlank @Size(max = 256) String challengeToken) {
    }

    record EnrolmentConfirmation(@NotBlank @Size(max = 256) String challengeToken,
            @NotBlank @Size(max = 32) String code) {
    }

    /**
     * The tokens; after a recovery code, how many are left; after enrolling, the new recovery codes (shown once).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            Instant refreshTokenExpiresAt, Integer recoveryCodesRemaining, List<String> recoveryCodes) {

        static ResponseEntity<TokenResponse> of(Session session) {
            return of(new SecondStep.Completed(session, null, null));
        }

        static ResponseEntity<TokenResponse> of(SecondStep.Completed completed) {
            Session session = completed.session();
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TokenResponse(
                    session.accessToken(), "Bearer", session.accessTokenTtl().toSeconds(), session.refreshToken(),
                    session.refreshTokenExpiresAt(), completed.recoveryCodesRemaining(), completed.recoveryCodes()));
        }
    }

    /** A correct password that needs one more step: {@code second_factor} or {@code enrolment}. */
    record ChallengeResponse(String nextStep, String challengeToken, Instant expiresAt) {
    }

    record EnrolmentResponse(String secret, String otpauthUri, String qrCode, Instant expiresAt) {
    }

    @PostMapping("/auth/v1/sign-in")
    ResponseEntity<?> signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return switch (signIn.signIn(request.email(), request.password(), ClientAddress.of(http))) {
            case SignIn.Started started -> TokenResponse.of(started.session());
            case SignIn.Challenged challenged -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new ChallengeResponse(challenged.challenge().purpose().wireName(),
                            challenged.challenge().token(), challenged.challenge().expiresAt()));
        };
    }

    @PostMapping("/auth/v1/sign-in/second-factor")
    ResponseEntity<TokenResponse> secondFactor(@Valid @RequestBody SecondFactorRequest request,
            HttpServletRequest http) {
        boolean code = request.code() != null && !request.code().isBlank();
        boolean recoveryCode = request.recoveryCode() != null && !request.recoveryCode().isBlank();
        if (code == recoveryCode) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "second_factor_code_required",
                    "Send either the code from your authenticator (code) or a recovery code (recovery_code).");
        }
        return TokenResponse.of(code
                ? secondStep.withCode(request.challengeToken(), digits(request.code()), ClientAddress.of(http))
                : secondStep.withRecoveryCode(request.challengeToken(), request.recoveryCode(), ClientAddress.of(http)));
    }

    @PostMapping("/auth/v1/sign-in/enrolment")
    ResponseEntity<EnrolmentResponse> startEnrolment(@Valid @RequestBody EnrolmentRequest request) {
        SecondFactors.Enrolment enrolment = secondStep.startEnrolment(request.challengeToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new EnrolmentResponse(
                enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCode(), enrolment.expiresAt()));
    }

    @PostMapping("/auth/v1/sign-in/enrolment/confirmation")
    ResponseEntity<TokenResponse> confirmEnrolment(@Valid @RequestBody EnrolmentConfirmation request,
            HttpServletRequest http) {
        return TokenResponse.of(secondStep.confirmEnrolment(request.challengeToken(), digits(request.code()),
                ClientAddress.of(http)));
    }

    @PostMapping("/auth/v1/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(signIn.refresh(request.refreshToken()));
    }

    @PostMapping("/auth/v1/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@Valid @RequestBody SignOutRequest request) {
        signIn.signOut(request.refreshToken());
    }

    /** Codes are read as typed with spaces ("123 456"). */
    static String digits(String code) {
        return code.replaceAll("\\s", "");
    }
}
