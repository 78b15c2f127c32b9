package com.partnersportal.identity.password;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with Argon2id (16 MiB, 2 iterations: Spring Security's recommended parameters), stored as
 * {@code {argon2}$argon2id$...}. Hashes from before (plain BCrypt, no prefix) still verify. Each hash takes 16 MiB,
 * so only a few run at once (twice the processors): a burst of sign-ins queues instead of exhausting the heap.
 */
@Component
public class PasswordHasher {

    private static final String ARGON2 = "argon2";

    private final PasswordEncoder encoder;
    private final Semaphore running = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), true);
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
        return bounded(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return hash != null && bounded(() -> encoder.matches(password, hash));
    }

    /** Costs what {@link #matches} costs, for an account that does not exist. Always false. */
    public boolean matchesNothing(String password) {
        bounded(() -> encoder.matches(password, dummyHash));
        return false;
    }

    private <T> T bounded(Supplier<T> work) {
        running.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            running.release();
        }
    }
}
