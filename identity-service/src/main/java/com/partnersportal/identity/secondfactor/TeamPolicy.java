package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.merchant.Merchants;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's security settings: whether every member of the team must sign in with a second factor. A member
 * without one enrols at their next sign-in before getting any token, and cannot refresh a session started before.
 */
@Service
public class TeamPolicy {

    private final JdbcClient jdbc;
    private final Merchants merchants;
    private final SecondFactors secondFactors;
    private final AuditLog audit;
    private final Clock clock;

    TeamPolicy(JdbcClient jdbc, Merchants merchants, SecondFactors secondFactors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.merchants = merchants;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Operators (no merchant) answer to no team's policy. */
    @Transactional(readOnly = true)
    public boolean requiresSecondFactor(UUID merchantId) {
        if (merchantId == null) {
            return false;
        }
        return jdbc.sql("SELECT second_factor_required FROM merchant_security_policy WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Requires (or stops requiring) a second factor of the team. An admin can require it only once they have one
     * themselves, so that the setting never locks its own author out of the next sign-in unprepared.
     */
    @Transactional
    public boolean change(Actor actor, UUID merchantId, UUID actingUserId, boolean required) {
        merchants.lock(merchantId);
        boolean before = requiresSecondFactor(merchantId);
        if (before == required) {
            return required;
        }
        if (required && (actingUserId == null || !secondFactors.isEnabled(actingUserId))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "second_factor_not_enrolled",
                    "Turn on two-step verification for your own account first (Security page).");
        }
        jdbc.sql("""
                        INSERT INTO merchant_security_policy (merchant_id, second_factor_required, changed_at, changed_by)
                        VALUES (:merchantId, :required, :now, :by)
                        ON CONFLICT (merchant_id) DO UPDATE SET second_factor_required = :required, changed_at = :now,
                                                                changed_by = :by""")
                .param("merchantId", merchantId).param("required", required)
                .param("now", Timestamp.from(clock.instant())).param("by", actor.id()).update();
        audit.record(actor, merchantId, AuditAction.TEAM_SECOND_FACTOR_REQUIREMENT_CHANGED, "merchant", merchantId,
                Map.of("second_factor_required", before), Map.of("second_factor_required", required));
        return required;
    }

    /** The sandbox's demo seed: its credentials file must sign in with a password alone. */
    @Transactional
    public void liftSilently(UUID merchantId) {
        jdbc.sql("DELETE FROM merchant_security_policy WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId).update();
    }
}
