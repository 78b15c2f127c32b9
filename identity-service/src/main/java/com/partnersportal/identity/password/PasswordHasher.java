package com.partnersportal.identity.password;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with Argon2id (16 MiB, 2 iterations: Spring Security's recommended parameters), stored as
 * {@code {argon2}$argon2id$...}. Hashes from before (plain BCrypt, no prefix) still verify.
 */
@Component
public class PasswordHasher {

    private static final String ARGON2 = "argon2";

    private final PasswordEncoder encoder;
    /** A hash of nothing anyone knows, checked when the email is unknown so that both answers take as long. */
    private final String dummyHash;

    PasswordHasher() {
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        this.encoder = delegating;
        this.dummyHash = encoder.encode("dummy-password-for-unknown-accounts");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    /** Costs what {@link #matches} costs, for an account that does not exist. Always false. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, dummyHash);
        return false;
    }
}
