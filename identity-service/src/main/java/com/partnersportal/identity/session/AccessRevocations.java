package com.partnersportal.identity.session;

import com.partnersportal.identity.contract.ApiTokenRevoked;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells every service, through the outbox and the user-events topic, that access tokens already issued must stop
 * working, in the same transaction as the change that calls for it. Access tokens carry their issue time in whole
 * seconds, so the limit is the next whole second: a token issued in the same second as the change is refused too
 * (a refresh right after a change of rights may need one retry a second later).
 */
@Service
public class AccessRevocations {

    public static final String DISABLED = "disabled";
    public static final String REMOVED = "removed";
    public static final String SIGNED_OUT_EVERYWHERE = "signed_out_everywhere";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String SECOND_FACTOR_RESET = "second_factor_reset";
    public static final String RIGHTS_CHANGED = "rights_changed";

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccessRevocations(Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeUser(UUID userId, UUID merchantId, String reason) {
        Instant now = clock.instant();
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        outbox.append(IdentityTopics.USER_EVENTS, userId.toString(), UserAccessRevoked.TYPE, userId.toString(),
                new UserAccessRevoked(userId, merchantId, notBefore, reason, now));
    }

    /** Everyone holding a custom role whose permissions changed gets tokens with the new permissions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeHoldersOf(UUID customRoleId, UUID merchantId) {
        List<UUID> holders = jdbc.sql("SELECT id FROM app_user WHERE custom_role_id = :role")
                .param("role", customRoleId).query(UUID.class).list();
        holders.forEach(user -> revokeUser(user, merchantId, RIGHTS_CHANGED));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeApiToken(UUID tokenId, UUID merchantId) {
        outbox.append(IdentityTopics.USER_EVENTS, tokenId.toString(), ApiTokenRevoked.TYPE, tokenId.toString(),
                new ApiTokenRevoked(tokenId, merchantId, clock.instant()));
    }
}
