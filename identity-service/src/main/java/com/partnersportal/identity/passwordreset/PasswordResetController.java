package com.partnersportal.identity.passwordreset;

import com.partnersportal.identity.user.User;
import com.partnersportal.identity.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Password reset by email; a reset request takes the same time to answer whether the email is known or not. */
@RestController
class PasswordResetController {

    private final PasswordReset reset;
    private final Duration answerTime;

    /**
     * @param answerTime how long every reset request takes to answer, known email or not: the work (a lookup, and for
     *                   a known active user a token and an event) is done within it, so the time says nothing
     */
    PasswordResetController(PasswordReset reset,
            @Value("${portal.identity.password-reset-answer-time:250ms}") Duration answerTime) {
        this.reset = reset;
        this.answerTime = answerTime;
    }

    record ResetRequest(@NotBlank @Size(max = 320) String email) {
    }

    record ResetLinkResponse(String email, Instant expiresAt) {
    }

    record ConfirmRequest(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 1024) String password) {
    }

    record ConfirmedResponse(UUID userId, String email) {
    }

    /** Always 202: whether the email belongs to anyone is not the caller's business. */
    @PostMapping("/auth/v1/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@Valid @RequestBody ResetRequest request) throws InterruptedException {
        long answerAt = System.nanoTime() + answerTime.toNanos();
        try {
            reset.request(request.email());
        } finally {
            long left = answerAt - System.nanoTime();
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
            }
        }
    }

    @GetMapping("/auth/v1/password-reset")
    ResetLinkResponse check(@RequestParam @Size(max = 256) String token) {
        PasswordReset.Link link = reset.check(token);
        return new ResetLinkResponse(link.email(), link.expiresAt());
    }

    @PostMapping("/auth/v1/password-reset/confirm")
    ConfirmedResponse confirm(@Valid @RequestBody ConfirmRequest request, HttpServletRequest http) {
        User user = reset.confirm(request.token(), request.password(), ClientAddress.of(http));
        return new ConfirmedResponse(user.id(), user.email());
    }
}
