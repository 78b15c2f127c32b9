package com.partnersportal.identity.signin;

import com.partnersportal.identity.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, refresh and sign-out for portal users and operators. Answers are never cached. */
@RestController
class SignInController {

    private final SignIn signIn;

    SignInController(SignIn signIn) {
        this.signIn = signIn;
    }

    record SignInRequest(@NotBlank @Size(max = 320) String email, @NotEmpty @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record SignOutRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            Instant refreshTokenExpiresAt) {

        static ResponseEntity<TokenResponse> of(SignIn.Session session) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TokenResponse(
                    session.accessToken(), "Bearer", session.accessTokenTtl().toSeconds(), session.refreshToken(),
                    session.refreshTokenExpiresAt()));
        }
    }

    @PostMapping("/auth/v1/sign-in")
    ResponseEntity<TokenResponse> signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return TokenResponse.of(signIn.signIn(request.email(), request.password(), ClientAddress.of(http)));
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

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setProperty("message", problem.getMessage());
        detail.setProperty("errors", List.of(Map.of("error_code", problem.errorCode(), "data", problem.data())));
        return ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
