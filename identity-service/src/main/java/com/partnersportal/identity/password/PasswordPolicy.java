package com.partnersportal.identity.password;

import com.partnersportal.kit.problem.ApiProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters, not containing the user's email or its local part, and not
 * one of the most common passwords ({@code passwords/common-passwords.txt}: the 10,000 most common passwords and the
 * 10,000 most common of 12 characters or more, from OWASP SecLists). Refusals are 400 problems naming the rule.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("passwords/common-passwords.txt");
    }

    public void check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw refused("password_too_short", "The password needs at least %d characters.".formatted(MIN_LENGTH),
                    Map.of("min_length", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            throw refused("password_too_long", "The password may have at most %d characters.".formatted(MAX_LENGTH),
                    Map.of("max_length", MAX_LENGTH));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String emailLower = email.toLowerCase(Locale.ROOT);
        String localPart = emailLower.contains("@") ? emailLower.substring(0, emailLower.indexOf('@')) : emailLower;
        if (lower.contains(emailLower)
                || (localPart.length() >= SHORTEST_LOCAL_PART_CHECKED && lower.contains(localPart))) {
            throw refused("password_contains_email", "The password must not contain your email address or its name part.",
                    Map.of());
        }
        if (common.contains(lower)) {
            throw refused("password_too_common", "This password is among the most common ones; choose another.",
                    Map.of());
        }
    }

    private static ApiProblem refused(String code, String message, Map<String, Object> data) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, message, data);
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(line -> line.strip().toLowerCase(Locale.ROOT)).filter(line -> !line.isEmpty())
                    .forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The common password list " + resource + " is missing", e);
        }
        return Set.copyOf(passwords);
    }
}
