package com.partnersportal.identity.passwordreset;

import com.partnersportal.identity.web.ClientAddress;
import com.partnersportal.identity.web.HtmlResponses;
import com.partnersportal.identity.web.Page;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
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

    private static final Page.Text TITLE = new Page.Text("Reset your password", "إعادة تعيين كلمة المرور");
    private static final Page.Text CHOOSE = new Page.Text("Choose a new password.", "اختر كلمة مرور جديدة.");
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
            return HtmlResponses.page(HttpStatus.OK, Page.passwordForm(TITLE, new Page.Text(
                    "Choose a new password for %s.".formatted(link.email()),
                    "اختر كلمة مرور جديدة للحساب %s.".formatted(link.email())), PATH, token, null));
        } catch (ApiProblem problem) {
            return linkProblem(problem.errorCode(), problem.status());
        }
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@RequestParam(required = false) String token,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            HttpServletRequest http) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return linkProblem("reset_link_invalid", HttpStatus.NOT_FOUND);
        }
        if (password == null || !password.equals(confirmation)) {
            return HtmlResponses.page(HttpStatus.BAD_REQUEST, Page.passwordForm(TITLE, CHOOSE, PATH, token,
                    Page.PASSWORDS_DIFFER));
        }
        try {
            reset.confirm(token, password.length() > 1024 ? password.substring(0, 1024) : password,
                    ClientAddress.of(http));
            return HtmlResponses.page(HttpStatus.OK, Page.message(
                    new Page.Text("Your password is changed", "تم تغيير كلمة المرور"),
                    new Page.Text("Sign in with your new password. Every other session of yours has been signed out.",
                            "سجّل الدخول بكلمة المرور الجديدة. تم تسجيل خروجك من جميع الجلسات الأخرى."), true));
        } catch (ApiProblem problem) {
            if (problem.errorCode().startsWith("password_")) {
                return HtmlResponses.page(HttpStatus.BAD_REQUEST, Page.passwordForm(TITLE, CHOOSE, PATH, token,
                        Page.passwordRefused(problem.getMessage())));
            }
            return linkProblem(problem.errorCode(), problem.status());
        }
    }

    private static ResponseEntity<String> linkProblem(String errorCode, HttpStatus status) {
        Page.Text text = switch (errorCode) {
            case "reset_link_expired" -> new Page.Text("This link has expired — ask for a new one from the sign-in page.",
                    "انتهت صلاحية هذا الرابط — اطلب رابطًا جديدًا من صفحة تسجيل الدخول.");
            case "reset_link_used" -> new Page.Text("This link has been used already. Sign in, or ask for a new link.",
                    "تم استخدام هذا الرابط من قبل. سجّل الدخول أو اطلب رابطًا جديدًا.");
            default -> new Page.Text("This link is not valid. Check that you opened the whole link from the email.",
                    "هذا الرابط غير صالح. تأكد من فتح الرابط كاملًا من البريد الإلكتروني.");
        };
        return HtmlResponses.page(status, Page.message(TITLE, text, false));
    }
}
