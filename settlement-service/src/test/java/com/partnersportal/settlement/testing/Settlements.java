package com.partnersportal.settlement.testing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test's view of the service's state: entities' open periods, lines booked, the clock. */
public final class Settlements {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final SettlementApi api;
    private final Clock clock;

    public Settlements(JdbcClient jdbc, SettlementApi api, Clock clock) {
        this.jdbc = jdbc;
        this.api = api;
        this.clock = clock;
    }

    public record Period(Instant start, Instant end) {
    }

    public void awaitRegistered(UUID entity) {
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "SELECT count(*) FROM settlement_profile WHERE legal_entity_id = :id AND registered")
                .param("id", entity).query(Long.class).single() == 1);
    }

    public Period openPeriod(UUID entity) {
        return jdbc.sql("SELECT period_start, period_end FROM settlement_profile WHERE legal_entity_id = :id")
                .param("id", entity)
                .query((rs, n) -> new Period(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).single();
    }

    public Instant invoiceMonthEnd(UUID entity) {
        return jdbc.sql("SELECT invoice_month_end FROM settlement_profile WHERE legal_entity_id = :id")
                .param("id", entity).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    public long lines(UUID entity) {
        return jdbc.sql("SELECT count(*) FROM ledger_line WHERE legal_entity_id = :id AND kind <> 'CARRIED_FORWARD'")
                .param("id", entity).query(Long.class).single();
    }

    public void awaitLines(UUID entity, long count) {
        await().atMost(PATIENCE).until(() -> lines(entity) == count);
    }

    public long reports(UUID entity) {
        return jdbc.sql("SELECT count(*) FROM settlement_report WHERE legal_entity_id = :id").param("id", entity)
                .query(Long.class).single();
    }

    public void awaitReports(UUID entity, long count) {
        await().atMost(PATIENCE).until(() -> reports(entity) == count);
    }

    /** Moves the service's sandbox clock just past {@code instant} through the operator API (which closes what ended). */
    public void advancePast(Instant instant) {
        Duration by = Duration.between(clock.instant(), instant).plusSeconds(1);
        if (!by.isNegative()) {
            SettlementApi.expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/clock/advance",
                    "{\"by\": \"" + by + "\"}"), 200);
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
