package com.partnersportal.identity.password;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPasswordIncludingArabic() {
        assertThatCode(() -> policy.check("Sturdy-Lantern-Oasis-7", "noura@shop.test")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("كلمة-مرور-طويلة-جدا", "noura@shop.test")).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        String twelveEmoji = "🐪".repeat(12);
        assertThatCode(() -> policy.check(twelveEmoji, "noura@shop.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("🐪".repeat(129), "noura@shop.test"))
                .isInstanceOf(ApiProblem.class).hasFieldOrPropertyWithValue("errorCode", "password_too_long");
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertRefused("Eleven-char", "a@b.test", "password_too_short");
        assertRefused("x".repeat(129), "a@b.test", "password_too_long");
    }

    @Test
    void refusesTheEmailOrItsNamePartWhateverTheCase() {
        assertRefused("My-NOURA@SHOP.TEST-pass", "noura@shop.test", "password_contains_email");
        assertRefused("Noura-is-great-2026", "noura@shop.test", "password_contains_email");
    }

    @Test
    void aVeryShortNamePartIsNotForbiddenEverywhere() {
        assertThatCode(() -> policy.check("Sturdy-Lantern-ab-7", "ab@shop.test")).doesNotThrowAnyException();
    }

    @Test
    void refusesCommonPasswordsWhateverTheCase() {
        assertRefused("1q2w3e4r5t6y", "a@b.test", "password_too_common");
        assertRefused("QWERTY123456", "a@b.test", "password_too_common");
    }

    private void assertRefused(String password, String email, String code) {
        assertThatThrownBy(() -> policy.check(password, email)).isInstanceOf(ApiProblem.class)
                .hasFieldOrPropertyWithValue("errorCode", code);
    }
}
