package com.partnersportal.identity.audit;

import com.partnersportal.identity.web.ClientAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an administrative action to the audit log in the transaction of the action itself, so that the log
 * never shows what did not happen nor misses what did. Before and after are snapshots (records or maps), stored
 * as JSON; they never hold secrets.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param merchantId the merchant whose log shows the entry; null for platform-wide actions (key rotation)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, UUID merchantId, AuditAction action, String targetType, Object targetId,
            Object before, Object after) {
        jdbc.sql("""
                        INSERT INTO audit_event (id, merchant_id, actor_type, actor_id, actor_email, action, target_type,
                                                 target_id, client_address, before, after, occurred_at)
                        VALUES (:id, :merchantId, :actorType, :actorId, :actorEmail, :action, :targetType, :targetId,
                                :clientAddress, CAST(:before AS jsonb), CAST(:after AS jsonb), :occurredAt)""")
                .param("id", UUID.randomUUID())
                .param("merchantId", merchantId)
                .param("actorType", actor.type())
                .param("actorId", actor.id())
                .param("actorEmail", actor.email())
                .param("action", action.wireName())
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : targetId.toString())
                .param("clientAddress", ClientAddress.current())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("occurredAt", Timestamp.from(clock.instant()))
                .update();
    }
}
