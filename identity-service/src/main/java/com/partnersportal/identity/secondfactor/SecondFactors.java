package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.user.SecondFactorDirectory;
import com.partnersportal.identity.user.User;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.secrets.SecretEncryption;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' second factor: a TOTP authenticator (RFC 6238) and recovery codes. Enrolment makes a pending secret (shown
 * as a QR code and as a key to type) that becomes the user's factor only once a first code from it is confirmed; a
 * user who had one keeps it until then. The secret is encrypted at rest ({@link SecretEncryption}, bound to the
 * factor's id). A code is accepted once: only for a time step later than the last accepted one. Every change is
 * audited and announced as {@link SecondFactorChanged} (through the outbox, in the change's transaction) so the user
 * is mailed.
 */
@Service
public class SecondFactors implements SecondFactorDirectory {

    /** How long a QR code shown for enrolment can be confirmed. */
    static final Duration ENROLMENT_TTL = Duration.ofMinutes(15);
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;
    private final RecoveryCodes recoveryCodes;
    private final SecondFactorEvents events;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;
    private final Totp totp = Totp.AUTHENTICATOR_APPS;

    SecondFactors(JdbcClient jdbc, SecretEncryption encryption, RecoveryCodes recoveryCodes, SecondFactorEvents events,
            AuditLog audit, Clock clock, @Value("${portal.identity.second-factor.issuer:Partners Portal}") String issuer) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** What to show for enrolment: the key to type, the otpauth URI and its QR code, and until when to confirm. */
    public record Enrolment(String secret, String otpauthUri, String qrCode, Instant expiresAt) {
    }

    /** Whether the user has a second factor, since when, and how many recovery codes they have left. */
    public record Status(boolean enabled, Instant enabledAt, int recoveryCodesRemaining) {
    }

    /** What a code turned out to be. */
    public enum Check {
        ACCEPTED,
        INVALID,
        /** The code is right but its time step was used already: a replay. */
        REPLAYED,
        NOT_ENROLLED
    }

    @Transactional(readOnly = true)
    public Status status(UUID userId) {
        Optional<Instant> enabledAt = jdbc.sql(
                        "SELECT confirmed_at FROM second_factor WHERE user_id = :userId AND status = 'active'")
                .param("userId", userId).query((rs, n) -> rs.getTimestamp("confirmed_at").toInstant()).optional();
        return new Status(enabledAt.isPresent(), enabledAt.orElse(null),
                enabledAt.isPresent() ? recoveryCodes.remaining(userId) : 0);
    }

    public boolean isEnabled(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM second_factor WHERE user_id = :userId AND status = 'active'")
                .param("userId", userId).query(Long.class).single() > 0;
    }

    @Override
    public Set<UUID> enrolledAmong(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT user_id FROM second_factor WHERE user_id IN (:ids) AND status = 'active'")
                .param("ids", userIds).query(UUID.class).list());
    }

    /** A new secret to enrol (replacing an earlier unconfirmed one); the user's current factor, if any, stays. */
    @Transactional
    public Enrolment startEnrolment(User user) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String base32 = Base32.toBase32String(secret).replace("=", "");
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM second_factor WHERE user_id = :userId AND status = 'pending'")
                .param("userId", user.id()).update();
        jdbc.sql("""
                        INSERT INTO second_factor (id, user_id, status, secret_encrypted, created_at)
                        VALUES (:id, :userId, 'pending', :secret, :now)""")
                .param("id", id).param("userId", user.id()).param("secret", encryption.encrypt(base32, boundTo(id)))
                .param("now", Timestamp.from(now)).update();
        String uri = otpauthUri(user.email(), base32);
        return new Enrolment(base32, uri, QrCodes.svgDataUri(uri), now.plus(ENROLMENT_TTL));
    }

    /**
     * The first code from the new authenticator makes it the user's second factor (replacing an earlier one) with a
     * fresh set of recovery codes, which are returned to be shown once.
     */
    @Transactional
    public List<String> confirmEnrolment(Actor actor, User user, String code) {
        Instant now = clock.instant();
        Factor pending = jdbc.sql("""
                        SELECT id, secret_encrypted, created_at, last_used_step FROM second_factor
                        WHERE user_id = :userId AND status = 'pending' FOR UPDATE""")
                .param("userId", user.id()).query(Factor::of).optional()
                .filter(factor -> factor.createdAt().plus(ENROLMENT_TTL).isAfter(now))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "second_factor_enrolment_not_started",
                        "There is no enrolment to confirm, or it took longer than 15 minutes; start again."));
        OptionalLong step = totp.matchingStep(secret(pending), code, now);
        if (step.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "second_factor_code_invalid",
                    "That code is not the one your authenticator shows now; check the app's clock and try again.");
        }
        boolean replacing = isEnabled(user.id());
        jdbc.sql("DELETE FROM second_factor WHERE user_id = :userId AND status = 'active'")
                .param("userId", user.id()).update();
        jdbc.sql("""
                        UPDATE second_factor SET status = 'active', confirmed_at = :now, last_used_step = :step
                        WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("step", step.getAsLong()).param("id", pending.id()).update();
        List<String> codes = recoveryCodes.replace(user.id());
        audit.record(actor, user.merchantId(), AuditAction.USER_SECOND_FACTOR_ENABLED, "user", user.id(),
                Map.of("second_factor", replacing ? "on" : "off"),
                Map.of("second_factor", "on", "replaced", replacing, "recovery_codes", codes.size()));
        events.changed(user, replacing ? SecondFactorChanged.REPLACED : SecondFactorChanged.ENABLED, null,
                codes.size());
        return codes;
    }

    /** Checks a code from the user's authenticator; an accepted code's time step cannot be used again. */
    @Transactional
    public Check verify(UUID userId, String code) {
        Optional<Factor> active = jdbc.sql("""
                        SELECT id, secret_encrypted, created_at, last_used_step FROM second_factor
                        WHERE user_id = :userId AND status = 'active'""")
                .param("userId", userId).query(Factor::of).optional();
        if (active.isEmpty()) {
            return Check.NOT_ENROLLED;
        }
        OptionalLong step = totp.matchingStep(secret(active.get()), code, clock.instant());
        if (step.isEmpty()) {
            return Check.INVALID;
        }
        int claimed = jdbc.sql("""
                        UPDATE second_factor SET last_used_step = :step
                        WHERE id = :id AND (last_used_step IS NULL OR last_used_step < :step)""")
                .param("step", step.getAsLong()).param("id", active.get().id()).update();
        return claimed == 1 ? Check.ACCEPTED : Check.REPLAYED;
    }

    /** Uses up one of the user's recovery codes; the codes left, or empty if it was not one of theirs (or used). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Integer> useRecoveryCode(Actor actor, User user, String code) {
        if (!isEnabled(user.id())) {
            return Optional.empty();
        }
        Optional<Integer> remaining = recoveryCodes.use(user.id(), code);
        remaining.ifPresent(left -> {
            audit.record(actor, user.merchantId(), AuditAction.USER_RECOVERY_CODE_USED, "user", user.id(), null,
                    Map.of("recovery_codes_remaining", left));
            events.changed(user, SecondFactorChanged.RECOVERY_CODE_USED, null, left);
        });
        return remaining;
    }

    /** The user turns their second factor off (they proved it was them: password and a code). */
    @Transactional
    public void disable(Actor actor, User user) {
        remove(user.id());
        audit.record(actor, user.merchantId(), AuditAction.USER_SECOND_FACTOR_DISABLED, "user", user.id(),
                Map.of("second_factor", "on"), Map.of("second_factor", "off"));
        events.changed(user, SecondFactorChanged.DISABLED, null, 0);
    }

    /** An admin removes a user's second factor (they lost their device); the user enrols again when next asked. */
    @Transactional
    public void reset(Actor admin, User user) {
        if (!isEnabled(user.id())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "second_factor_not_enrolled",
                    "This user has no second factor to reset.");
        }
        remove(user.id());
        audit.record(admin, user.merchantId(), AuditAction.USER_SECOND_FACTOR_RESET, "user", user.id(),
                Map.of("second_factor", "on"), Map.of("second_factor", "off"));
        events.changed(user, SecondFactorChanged.RESET, admin.email(), 0);
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(Actor actor, User user) {
        List<String> codes = recoveryCodes.replace(user.id());
        audit.record(actor, user.merchantId(), AuditAction.USER_RECOVERY_CODES_REGENERATED, "user", user.id(), null,
                Map.of("recovery_codes", codes.size()));
        events.changed(user, SecondFactorChanged.RECOVERY_CODES_REGENERATED, null, codes.size());
        return codes;
    }

    /** Removes the factor without telling anyone: the sandbox's demo seed, whose credentials file must sign in. */
    @Transactional
    public void removeSilently(UUID userId) {
        remove(userId);
    }

    private void remove(UUID userId) {
        jdbc.sql("DELETE FROM second_factor WHERE user_id = :userId").param("userId", userId).update();
        recoveryCodes.deleteAll(userId);
    }

    private String otpauthUri(String email, String base32) {
        String label = encode(issuer) + ":" + encode(email);
        return "otpauth://totp/%s?secret=%s&issuer=%s&algorithm=SHA1&digits=%d&period=%d".formatted(label, base32,
                encode(issuer), totp.digits(), totp.step().toSeconds());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] secret(Factor factor) {
        return Base32.decode(encryption.decrypt(factor.secretEncrypted(), boundTo(factor.id())));
    }

    public static String boundTo(UUID factorId) {
        return "second-factor:" + factorId;
    }

    private record Factor(UUID id, byte[] secretEncrypted, Instant createdAt, Long lastUsedStep) {

        static Factor of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            long step = rs.getLong("last_used_step");
            return new Factor(rs.getObject("id", UUID.class), rs.getBytes("secret_encrypted"),
                    rs.getTimestamp("created_at").toInstant(), rs.wasNull() ? null : step);
        }
    }
}
