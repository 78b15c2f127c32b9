package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.web.Tokens;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's recovery codes: {@value #COUNT} single-use codes of 80 random bits each, written as 16 characters of
 * Crockford's base32 in groups of four ({@code 7kq2-m9xd-p4tr-hw3c}), shown once and stored only as SHA-256 (80 bits
 * are beyond guessing, even offline, so a fast hash is enough and allows lookup). What is typed is read leniently:
 * any case, with or without dashes and spaces, {@code o} for {@code 0} and {@code i}/{@code l} for {@code 1}.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the user's codes with a new set; the codes are returned to be shown once. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> replace(UUID userId) {
        deleteAll(userId);
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            String code = newCode();
            jdbc.sql("""
                            INSERT INTO recovery_code (id, user_id, code_hash, created_at)
                            VALUES (:id, :userId, :hash, :now)""")
                    .param("id", UUID.randomUUID()).param("userId", userId).param("hash", Tokens.sha256(normalised(code)))
                    .param("now", Timestamp.from(now)).update();
            codes.add(code);
        }
        return codes;
    }

    /**
     * Uses a code up if it is one of the user's unused ones; of two requests racing with the same code only one
     * wins. The codes left afterwards, or empty if the code was not usable.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Integer> use(UUID userId, String typed) {
        String code = normalised(typed);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        int used = jdbc.sql("""
                        UPDATE recovery_code SET used_at = :now
                        WHERE user_id = :userId AND code_hash = :hash AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("userId", userId)
                .param("hash", Tokens.sha256(code)).update();
        return used == 1 ? Optional.of(remaining(userId)) : Optional.empty();
    }

    int remaining(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE user_id = :userId AND used_at IS NULL")
                .param("userId", userId).query(Integer.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void deleteAll(UUID userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :userId").param("userId", userId).update();
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What was typed, as it was generated: lower case, no separators, Crockford's look-alikes read as digits. */
    static String normalised(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ', '\t' -> {
                }
                case 'o' -> code.append('0');
                case 'i', 'l' -> code.append('1');
                default -> code.append(c);
            }
            if (code.length() > LENGTH) {
                break;
            }
        }
        return code.toString();
    }
}
