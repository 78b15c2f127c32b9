package com.partnersportal.identity.activation;

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

/**
 * The page the activation email links to ({@code /activate?token=...}), served by identity itself so that the link
 * works without the portal frontend: a password form posted back here, or a plain message when the link no longer
 * works.
 */
@Controller
class ActivationPage {

    private static final Page.Text TITLE = new Page.Text("Activate your account", "تفعيل حسابك");
    private static final Page.Text CHOOSE = new Page.Text("Choose a password.", "اختر كلمة مرور.");
    private static final String PATH = "/activate";

    private final Activation activation;

    ActivationPage(Activation activation) {
        this.activation = activation;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return linkProblem("activation_link_invalid", HttpStatus.NOT_FOUND);
        }
        try {
            Activation.Link link = activation.check(token);
            return HtmlResponses.page(HttpStatus.OK, Page.passwordForm(TITLE, new Page.Text(
                    "Welcome, %s. Choose a password for %s.".formatted(link.fullName(), link.email()),
                    "مرحبًا %s. اختر كلمة مرور للحساب %s.".formatted(link.fullName(), link.email())), PATH, token,
                    null));
        } catch (ApiProblem problem) {
            return linkProblem(problem.errorCode(), problem.status());
        }
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@RequestParam(required = false) String token,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return linkProblem("activation_link_invalid", HttpStatus.NOT_FOUND);
        }
        if (password == null || !password.equals(confirmation)) {
            return HtmlResponses.page(HttpStatus.BAD_REQUEST, Page.passwordForm(TITLE, CHOOSE, PATH, token,
                    Page.PASSWORDS_DIFFER));
        }
        try {
            activation.activate(token, password.length() > 1024 ? password.substring(0, 1024) : password);
            return HtmlResponses.page(HttpStatus.OK, Page.message(
                    new Page.Text("Your account is active", "تم تفعيل حسابك"),
                    new Page.Text("Your password is set. You can now sign in to the Partners Portal.",
                            "تم تعيين كلمة المرور. يمكنك الآن تسجيل الدخول إلى بوابة الشركاء."), true));
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
            case "activation_link_expired" -> new Page.Text("This link has expired — ask your admin for a new one.",
                    "انتهت صلاحية هذا الرابط — اطلب رابطًا جديدًا من مسؤول الحساب.");
            case "activation_link_used" -> new Page.Text(
                    "This link has been used already. Sign in with your password, or reset it.",
                    "تم استخدام هذا الرابط من قبل. سجّل الدخول بكلمة المرور أو أعد تعيينها.");
            default -> new Page.Text("This link is not valid. Check that you opened the whole link from the email, "
                    + "or ask your admin for a new one.",
                    "هذا الرابط غير صالح. تأكد من فتح الرابط كاملًا من البريد الإلكتروني، أو اطلب رابطًا جديدًا من مسؤول الحساب.");
        };
        return HtmlResponses.page(status, Page.message(TITLE, text, false));
    }
}
