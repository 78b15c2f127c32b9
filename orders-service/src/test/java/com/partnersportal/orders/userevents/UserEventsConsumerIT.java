package com.partnersportal.orders.userevents;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserAccessRevoked;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** identity's revocations, from its samples: the exports the user asked for before are revoked, once. */
@OrdersIntegrationTest
class UserEventsConsumerIT extends IdempotentConsumerContract {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String topic() {
        return IdentityTopics.USER_EVENTS;
    }

    @Override
    protected String eventType() {
        return UserAccessRevoked.TYPE;
    }

    /** A user with an export being written, as if a worker were still at it. */
    @Override
    protected UUID newAggregate() {
        UUID user = UUID.randomUUID();
        Timestamp before = Timestamp.from(Instant.now().minusSeconds(5));
        jdbc.sql("""
                        INSERT INTO order_export (id, merchant_id, requested_by, recipient_email, filters, created_from,
                            created_to, time_zone, status, attempts, lease_until, created_at, started_at, version)
                        VALUES (:id, :merchant, :user, 'finance@merchant.example', '{}', CURRENT_DATE, CURRENT_DATE,
                            'Asia/Riyadh', 'RUNNING', 1, :lease, :before, :before, 1)""")
                .param("id", UUID.randomUUID()).param("merchant", TestMerchants.register(jdbc))
                .param("user", user.toString()).param("lease", Timestamp.from(Instant.now().plusSeconds(3600)))
                .param("before", before)
                .update();
        return user;
    }

    /** Revoked from now on (the sample's instant is in the past, before the export was asked for). */
    @Override
    protected SampleEvent prepare(SampleEvent event) {
        return "user-access-revoked.v1".equals(event.name())
                ? event.with("/not_before", Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString())
                : event;
    }

    @Override
    protected long effectsOf(UUID user) {
        return jdbc.sql("SELECT count(*) FROM order_export WHERE requested_by = :user AND status = 'REVOKED'")
                .param("user", user.toString()).query(Long.class).single();
    }
}
