package com.partnersportal.webhooks.delivery;

import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.contract.WebhookTopics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables an endpoint that answered 410 Gone or failed without a single success for the configured time: under
 * the endpoint's row lock (once, whichever replica gets there), its waiting messages are marked failed (recoverable
 * after re-enabling) and {@link WebhookEndpointDisabled} leaves through the outbox in the same transaction, for
 * notification-service to mail the merchant's webhook admins.
 */
@Component
public class EndpointDisabler {

    private static final Logger log = LoggerFactory.getLogger(EndpointDisabler.class);
    public static final String GONE = "gone";
    public static final String FAILING_SINCE = "failing_since";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    EndpointDisabler(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param failingBefore for {@code failing_since}: disable only if it has been failing since before this */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean disable(UUID endpointId, String reason, String lastError, Instant failingBefore) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT merchant_id, url, description, failing_since, enabled FROM webhook_endpoint
                        WHERE id = :id AND deleted_at IS NULL FOR UPDATE""")
                .param("id", endpointId).query().listOfRows().stream().findFirst().orElse(null);
        if (row == null || !Boolean.TRUE.equals(row.get("enabled"))) {
            return false;
        }
        Instant failingSince = row.get("failing_since") == null ? null : ((Timestamp) row.get("failing_since")).toInstant();
        if (FAILING_SINCE.equals(reason) && (failingSince == null || failingSince.isAfter(failingBefore))) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = :reason, disabled_at = :now,
                               last_error = :error, updated_at = :now
                        WHERE id = :id""")
                .param("reason", reason).param("now", Timestamp.from(now)).param("error", lastError).param("id", endpointId)
                .update();
        long undelivered = jdbc.sql("""
                        UPDATE webhook_message SET status = 'failed', finished_at = :now, claimed_until = NULL,
                               last_error = coalesce(last_error, 'endpoint disabled')
                        WHERE endpoint_id = :id AND status = 'pending'""")
                .param("now", Timestamp.from(now)).param("id", endpointId).update();
        UUID merchantId = (UUID) row.get("merchant_id");
        outbox.append(WebhookTopics.ENDPOINT_EVENTS, endpointId.toString(), WebhookEndpointDisabled.TYPE,
                endpointId.toString(), new WebhookEndpointDisabled(endpointId, merchantId, (String) row.get("url"),
                        (String) row.get("description"), reason, GONE.equals(reason) ? null : failingSince, lastError,
                        undelivered, now));
        log.warn("Webhook endpoint {} of merchant {} disabled ({}); {} waiting messages kept as failed for recovery",
                endpointId, merchantId, reason, undelivered);
        return true;
    }
}
