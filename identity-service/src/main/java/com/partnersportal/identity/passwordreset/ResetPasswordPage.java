package com.partnersportal.identity.passwordreset;

import com.partnersportal.identity.web.HtmlResponses;
import com.partnersportal.identity.web.Page;
import com.partnersportal.kit.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page the reset email links to ({@code /reset-password?token=...}), served by identity itself. */
@Controller
class ResetPasswordPage {

    private static final String TITLE = "Reset your password";
    private static final String PATH = "/reset-password";

    private final PasswordReset reset;

    ResetPasswordPage(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return linkProblem("reset_link_invalid", HttpStatus.NOT_FOUND);
        }
        try {
            PasswordReset.Link link = reset.check(token);
            return HtmlResponses.page(HttpStatus.OK, Page.passwordForm(TITLE,
                    "Choose a new password for %s.".formatted(link.email()), PATH, token, null));
        } catch (ApiProblem problem) {
            return linkProblem(problem.errorCode(), problem.status());
        }
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@RequestParam(required = false) String token,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return linkProblem("reset_link_invalid", HttpStatus.NOT_FOUND);
        }
        if (password == null || !password.equals(confirmation)) {
            return HtmlResponses.page(HttpStatus.BAD_REQUEST, Page.passwordForm(TITLE, "Choose a new password.", PATH,
                    token, "The two passwords differ."));
        }
        try {
            reset.confirm(token, password.length() > 1024 ? password.substring(0, 1024) : password);
            return HtmlResponses.page(HttpStatus.OK, Page.message("Your password is changed",
                    "Sign in with your new password. Every other session of yours has been signed out.", true));
        } catch (ApiProblem problem) {
            if (problem.errorCode().startsWith("password_")) {
                return HtmlResponses.page(HttpStatus.BAD_REQUEST, Page.passwordForm(TITLE, "Choose a new password.",
                        PATH, token, problem.getMessage()));
            }
            return linkProblem(problem.errorCode(), problem.status());
        }
    }

    private static ResponseEntity<String> linkProblem(String errorCode, HttpStatus status) {
        String text = switch (errorCode) {
            case "reset_link_expired" -> "This link has expired — ask for a new one from the sign-in page.";
            case "reset_link_used" -> "This link has been used already. Sign in, or ask for a new link.";
            default -> "This link is not valid. Check that you opened the whole link from the email.";
        };
        return HtmlResponses.page(status, Page.message(TITLE, text, false));
    }
}
