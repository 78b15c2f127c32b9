package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Merchants' endpoints. Every read and write names the merchant; one merchant never reaches another's endpoint. */
@Service
public class Endpoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, merchant_id, url, description, event_types, headers::text AS headers, enabled, disabled_reason,
            disabled_at, rate_limit, max_concurrency, failing_since, last_success_at, last_error, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeploymentProperties deployment;
    private final EndpointSecrets secrets;

    Endpoints(JdbcClient jdbc, Clock clock, DeploymentProperties deployment, EndpointSecrets secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deployment = deployment;
        this.secrets = secrets;
    }

    /** Registers an endpoint with a fresh secret; the same URL twice is {@code webhook_already_registered}. */
    @Transactional
    public Endpoint create(UUID merchantId, EndpointChange requested) {
        EndpointChange change = EndpointRules.check(requested, deployment.environment());
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:m))").param("m", merchantId.toString()).query().listOfRows();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM webhook_endpoint WHERE merchant_id = :m AND url = :url AND deleted_at IS NULL")
                .param("m", merchantId).param("url", change.url()).query(UUID.class).optional();
        if (existing.isPresent()) {
            throw alreadyRegistered(existing.get());
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO webhook_endpoint (id, merchant_id, url, description, event_types, headers, enabled,
                                                      rate_limit, max_concurrency, created_at, updated_at)
                        VALUES (:id, :m, :url, :description, :types::text[], :headers::jsonb, :enabled, :rate, :concurrency,
                                :now, :now)""")
                .param("id", id).param("m", merchantId).param("url", change.url())
                .param("description", change.description())
                .param("types", textArray(change.eventTypes()))
                .param("headers", JSON.writeValueAsString(change.headers()))
                .param("enabled", change.enabled() == null || change.enabled())
                .param("rate", change.rateLimit()).param("concurrency", change.maxConcurrency())
                .param("now", now)
                .update();
        secrets.createFirst(id);
        return require(merchantId, id);
    }

    /** Replaces what the merchant sets; enabling here clears the failure history (see also {@link #enable}). */
    @Transactional
    public Endpoint replace(UUID merchantId, UUID id, EndpointChange requested) {
        Endpoint current = require(merchantId, id);
        EndpointChange change = EndpointRules.check(requested, deployment.environment());
        Optional<UUID> clash = jdbc.sql("""
                        SELECT id FROM webhook_endpoint WHERE merchant_id = :m AND url = :url AND deleted_at IS NULL
                        AND id <> :id""")
                .param("m", merchantId).param("url", change.url()).param("id", id).query(UUID.class).optional();
        if (clash.isPresent()) {
            throw alreadyRegistered(clash.get());
        }
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        jdbc.sql("""
                        UPDATE webhook_endpoint SET url = :url, description = :description, event_types = :types::text[],
                               headers = :headers::jsonb, rate_limit = :rate, max_concurrency = :concurrency,
                               enabled = :enabled,
                               disabled_reason = CASE WHEN :enabled THEN NULL ELSE coalesce(disabled_reason, 'manual') END,
                               disabled_at = CASE WHEN :enabled THEN NULL ELSE coalesce(disabled_at, :now) END,
                               failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END,
                               updated_at = :now
                        WHERE id = :id AND merchant_id = :m""")
                .param("url", change.url()).param("description", change.description())
                .param("types", textArray(change.eventTypes()))
                .param("headers", JSON.writeValueAsString(change.headers()))
                .param("rate", change.rateLimit()).param("concurrency", change.maxConcurrency())
                .param("enabled", enabled)
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("m", merchantId)
                .update();
        if (!enabled) {
            failWaiting(id, "endpoint disabled");
        }
        return require(merchantId, id);
    }

    /** Deletes an endpoint: nothing more is sent to it; its log stays until retention removes it. */
    @Transactional
    public void delete(UUID merchantId, UUID id) {
        require(merchantId, id);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE webhook_endpoint SET deleted_at = :now, enabled = FALSE, disabled_reason = 'deleted', updated_at = :now WHERE id = :id")
                .param("now", now).param("id", id).update();
        jdbc.sql("""
                        UPDATE webhook_message SET status = 'failed', finished_at = :now, last_error = 'endpoint deleted',
                               claimed_until = NULL
                        WHERE endpoint_id = :id AND status = 'pending'""")
                .param("now", now).param("id", id).update();
    }

    /** Turns an endpoint on again, with a clean failure history. */
    @Transactional
    public Endpoint enable(UUID merchantId, UUID id) {
        require(merchantId, id);
        jdbc.sql("""
                        UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL,
                               failing_since = NULL, updated_at = :now
                        WHERE id = :id AND merchant_id = :m""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("m", merchantId).update();
        return require(merchantId, id);
    }

    @Transactional
    public Endpoint disableByUser(UUID merchantId, UUID id) {
        require(merchantId, id);
        jdbc.sql("""
                        UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = 'manual', disabled_at = :now,
                               updated_at = :now
                        WHERE id = :id AND merchant_id = :m""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("m", merchantId).update();
        failWaiting(id, "endpoint disabled");
        return require(merchantId, id);
    }

    /** A disabled endpoint's waiting messages are failed, to be recovered once it is enabled again. */
    private void failWaiting(UUID id, String reason) {
        jdbc.sql("""
                        UPDATE webhook_message SET status = 'failed', finished_at = :now, claimed_until = NULL,
                               last_error = coalesce(last_error, :reason)
                        WHERE endpoint_id = :id AND status = 'pending'""")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason).param("id", id).update();
    }

    public List<Endpoint> list(UUID merchantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE merchant_id = :m AND deleted_at IS NULL ORDER BY created_at, id")
                .param("m", merchantId).query(Endpoints::row).list();
    }

    public Optional<Endpoint> find(UUID merchantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id AND merchant_id = :m AND deleted_at IS NULL")
                .param("id", id).param("m", merchantId).query(Endpoints::row).optional();
    }

    /** For the dispatcher, which acts for every merchant. */
    public Optional<Endpoint> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id")
                .param("id", id).query(Endpoints::row).optional();
    }

    public Endpoint require(UUID merchantId, UUID id) {
        return find(merchantId, id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "webhook_not_found",
                "No webhook " + id + " exists.", Map.of("webhook_id", id.toString())));
    }

    private static ApiProblem alreadyRegistered(UUID existing) {
        return new ApiProblem(HttpStatus.CONFLICT, "webhook_already_registered",
                "A webhook with this URL is already registered.", Map.of("webhook_id", existing.toString()));
    }

    static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    static Endpoint row(ResultSet rs, int n) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("url"),
                rs.getString("description"), Arrays.asList((String[]) types.getArray()),
                JSON.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() { }),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), instant(rs, "disabled_at"),
                (Integer) rs.getObject("rate_limit"), (Integer) rs.getObject("max_concurrency"),
                instant(rs, "failing_since"), instant(rs, "last_success_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
