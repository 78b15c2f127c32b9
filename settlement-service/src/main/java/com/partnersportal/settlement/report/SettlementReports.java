package com.partnersportal.settlement.report;

import com.partnersportal.settlement.ledger.LedgerLine;
import com.partnersportal.settlement.ledger.LedgerLineRows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads reports and their lines, always scoped by merchant for portal callers. */
@Repository
public class SettlementReports {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SettlementReports(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Page<T>(List<T> items, Cursor next) {
    }

    public Optional<SettlementReport> find(UUID id) {
        return jdbc.sql("SELECT * FROM settlement_report WHERE id = :id").param("id", id).query(ReportRows.INSTANCE)
                .optional();
    }

    /** The report if it is the merchant's and of an entity the caller may see; another's is as good as missing. */
    public Optional<SettlementReport> findVisible(UUID merchantId, Set<UUID> visibleEntities, UUID id) {
        return find(id).filter(r -> r.merchantId().equals(merchantId))
                .filter(r -> visibleEntities.isEmpty() || visibleEntities.contains(r.legalEntityId()));
    }

    /** Newest period first. */
    public Page<SettlementReport> list(ReportFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM settlement_report WHERE merchant_id = :merchant");
        Map<String, Object> params = new HashMap<>();
        params.put("merchant", filter.merchantId());
        if (!filter.visibleEntities().isEmpty()) {
            sql.append(" AND legal_entity_id IN (:visible)");
            params.put("visible", filter.visibleEntities());
        }
        if (filter.legalEntityId() != null) {
            sql.append(" AND legal_entity_id = :entity");
            params.put("entity", filter.legalEntityId());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.currency() != null) {
            sql.append(" AND currency = :currency");
            params.put("currency", filter.currency());
        }
        if (filter.from() != null) {
            sql.append(" AND last_day >= :from");
            params.put("from", Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND first_day <= :to");
            params.put("to", Date.valueOf(filter.to()));
        }
        return page(sql, params, after, limit);
    }

    /** Every merchant's reports in a status, newest period first: the operators' payout queue. */
    public Page<SettlementReport> byStatus(ReportStatus status, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM settlement_report WHERE status = :status");
        Map<String, Object> params = new HashMap<>(Map.of("status", status.name()));
        return page(sql, params, after, limit);
    }

    private Page<SettlementReport> page(StringBuilder sql, Map<String, Object> params, Cursor after, int limit) {
        if (after != null) {
            sql.append(" AND (period_start, id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", UUID.fromString(after.id()));
        }
        sql.append(" ORDER BY period_start DESC, id DESC LIMIT :limit");
        params.put("limit", limit + 1);
        List<SettlementReport> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ReportRows.INSTANCE).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            SettlementReport last = rows.getLast();
            next = new Cursor(Cursor.REPORTS, last.periodStart(), last.id().toString());
        }
        return new Page<>(rows, next);
    }

    /** A page of the report's lines in booking order. */
    public Page<LedgerLine> lines(SettlementReport report, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM ledger_line WHERE legal_entity_id = :entity AND currency = :currency
                AND settle_at >= :start AND settle_at < :end""");
        Map<String, Object> params = new HashMap<>(Map.of("entity", report.legalEntityId(), "currency", report.currency(),
                "start", Timestamp.from(report.periodStart()), "end", Timestamp.from(report.periodEnd())));
        if (after != null) {
            sql.append(" AND (settle_at, id) > (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", Long.parseLong(after.id()));
        }
        sql.append(" ORDER BY settle_at, id LIMIT :limit");
        params.put("limit", limit + 1);
        List<LedgerLine> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(LedgerLineRows.INSTANCE).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            LedgerLine last = rows.getLast();
            next = new Cursor(Cursor.LINES, last.settleAt(), Long.toString(last.id()));
        }
        return new Page<>(rows, next);
    }

    /**
     * Every line of the report in booking order, fetched 2,000 at a time through a server-side cursor (the caller
     * runs this in a transaction, which PostgreSQL needs for that), never all of them in memory.
     */
    public void eachLine(SettlementReport report, Consumer<LedgerLine> action) {
        template.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT * FROM ledger_line WHERE legal_entity_id = ? AND currency = ? AND settle_at >= ? AND settle_at < ?
                    ORDER BY settle_at, id""");
            statement.setFetchSize(2000);
            statement.setObject(1, report.legalEntityId());
            statement.setString(2, report.currency());
            statement.setTimestamp(3, Timestamp.from(report.periodStart()));
            statement.setTimestamp(4, Timestamp.from(report.periodEnd()));
            return statement;
        }, rs -> {
            action.accept(LedgerLineRows.INSTANCE.mapRow(rs, 0));
        });
    }

    /** The earliest payout still to come (not settled or pending) of the entity in the currency. */
    public Optional<SettlementReport> upcomingPayout(UUID legalEntityId, String currency) {
        return jdbc.sql("""
                        SELECT * FROM settlement_report WHERE legal_entity_id = :entity AND currency = :currency
                        AND status IN ('NOT_SETTLED', 'PENDING') ORDER BY expected_payout_date, period_start LIMIT 1""")
                .param("entity", legalEntityId).param("currency", currency).query(ReportRows.INSTANCE).optional();
    }

    /** What closed reports owe the merchant and has not been confirmed paid. */
    public BigDecimal notPaidYet(UUID legalEntityId, String currency) {
        return jdbc.sql("""
                        SELECT coalesce(sum(net_payable), 0) FROM settlement_report WHERE legal_entity_id = :entity
                        AND currency = :currency AND status IN ('NOT_SETTLED', 'PENDING')""")
                .param("entity", legalEntityId).param("currency", currency).query(BigDecimal.class).single();
    }

    /** The last payout confirmed. */
    public Optional<SettlementReport> lastSettled(UUID legalEntityId, String currency) {
        return jdbc.sql("""
                        SELECT * FROM settlement_report WHERE legal_entity_id = :entity AND currency = :currency
                        AND status = 'SETTLED' AND net_payable > 0 ORDER BY settled_at DESC LIMIT 1""")
                .param("entity", legalEntityId).param("currency", currency).query(ReportRows.INSTANCE).optional();
    }

    /** not_settled → pending; false when the report was not in that status. */
    public boolean payoutSent(UUID id, String payoutReference, Instant at) {
        return jdbc.sql("""
                        UPDATE settlement_report SET status = 'PENDING', payout_reference = :reference, payout_sent_at = :at
                        WHERE id = :id AND status = 'NOT_SETTLED'""")
                .param("id", id).param("reference", payoutReference).param("at", Timestamp.from(at)).update() == 1;
    }

    /** pending → settled; false when the report was not in that status. */
    public boolean payoutConfirmed(UUID id, Instant at) {
        return jdbc.sql("UPDATE settlement_report SET status = 'SETTLED', settled_at = :at WHERE id = :id AND status = 'PENDING'")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }
}
