package com.partnersportal.settlement.report;

import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.settlement.contract.SettlementReportReady;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.ledger.LedgerLines;
import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.settlement.profile.SettlementProperties;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a legal entity's open settlement period: under the profile's row lock (so no line is booked into it
 * meanwhile and no other replica closes it too) its lines' sums become one frozen report per currency, a negative
 * net payable is carried into the next period as a line, the report-ready event goes to the outbox, and the next
 * period opens. One SQL aggregate over the period's lines does the arithmetic, so totals are the sums of the lines.
 */
@Service
public class PeriodClosing {

    private static final Logger log = LoggerFactory.getLogger(PeriodClosing.class);

    private final SettlementProfiles profiles;
    private final LedgerLines lines;
    private final Outbox outbox;
    private final SignedLinks links;
    private final SettlementProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    PeriodClosing(SettlementProfiles profiles, LedgerLines lines, Outbox outbox,
            SignedLinks links, SettlementProperties properties, JdbcClient jdbc, Clock clock) {
        this.profiles = profiles;
        this.lines = lines;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Closes the entity's open period if it ended by {@code now} and no other replica is closing it.
     *
     * @return the reports made (none for a period without lines), or empty when nothing was closed
     */
    @Transactional
    public Optional<List<SettlementReport>> closeIfDue(UUID legalEntityId, Instant now) {
        return profiles.lockForClosing(legalEntityId, now).map(this::close);
    }

    /** Closes the entity's open period at once, ended or not (the sandbox's "close this week now"). */
    @Transactional
    public Optional<List<SettlementReport>> closeNow(UUID legalEntityId) {
        return profiles.lockForClosing(legalEntityId, null).map(this::close);
    }

    private List<SettlementReport> close(SettlementProfile profile) {
        List<SettlementReport> made = new ArrayList<>();
        for (PeriodTotals totals : totalsOf(profile)) {
            made.add(report(profile, totals));
        }
        profiles.periodClosed(profile);
        log.info("Closed the settlement period {} - {} of legal entity {}: {} report(s)", profile.periodStart(),
                profile.periodEnd(), profile.legalEntityId(), made.size());
        return made;
    }

    private record PeriodTotals(String currency, long lineCount, BigDecimal sales, BigDecimal refunds, BigDecimal fees,
            BigDecimal vat, BigDecimal carriedForward, BigDecimal net) {
    }

    private List<PeriodTotals> totalsOf(SettlementProfile profile) {
        return jdbc.sql("""
                        SELECT currency, count(*) AS line_count,
                            coalesce(sum(gross) FILTER (WHERE kind = 'SALE'), 0) AS sales,
                            coalesce(-sum(gross) FILTER (WHERE kind = 'REFUND'), 0) AS refunds,
                            sum(fee) AS fees, sum(vat) AS vat,
                            coalesce(sum(net) FILTER (WHERE kind = 'CARRIED_FORWARD'), 0) AS carried_forward,
                            sum(net) AS net
                        FROM ledger_line
                        WHERE legal_entity_id = :entity AND settle_at >= :start AND settle_at < :end
                        GROUP BY currency ORDER BY currency""")
                .param("entity", profile.legalEntityId())
                .param("start", Timestamp.from(profile.periodStart()))
                .param("end", Timestamp.from(profile.periodEnd()))
                .query((rs, n) -> new PeriodTotals(rs.getString("currency"), rs.getLong("line_count"),
                        rs.getBigDecimal("sales"), rs.getBigDecimal("refunds"), rs.getBigDecimal("fees"),
                        rs.getBigDecimal("vat"), rs.getBigDecimal("carried_forward"), rs.getBigDecimal("net")))
                .list();
    }

    private SettlementReport report(SettlementProfile profile, PeriodTotals totals) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate firstDay = profile.periodStart().atZone(profile.timeZone()).toLocalDate();
        LocalDate statementDate = profile.periodEnd().atZone(profile.timeZone()).toLocalDate();
        int sign = totals.net().signum();
        ReportStatus status = sign > 0 ? ReportStatus.NOT_SETTLED
                : sign == 0 ? ReportStatus.SETTLED : ReportStatus.CARRIED_FORWARD;
        // The reference's number, the insert and the row read back in one round trip: a close is the aggregate plus
        // as few statements as possible (ADR 10).
        SettlementReport report = jdbc.sql("""
                        INSERT INTO settlement_report (id, settlement_reference, merchant_id, legal_entity_id, currency, cycle,
                            time_zone, period_start, period_end, first_day, last_day, statement_date, line_count, total_sales,
                            total_refunds, total_fees, total_vat, carried_forward, net_payable, status, expected_payout_date,
                            settled_at, created_at)
                        SELECT :id, 'STL' || :day || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END,
                            :merchant, :entity, :currency, :cycle, :zone, :start, :end, :firstDay, :lastDay, :statementDate,
                            :lineCount, :sales, :refunds, :fees, :vat, :carried, :net, :status, :expected, :settledAt, :now
                        FROM (SELECT nextval('settlement_reference_seq') AS n) AS sequence
                        RETURNING *""")
                .param("id", id)
                .param("day", statementDate.toString().replace("-", ""))
                .param("merchant", profile.merchantId())
                .param("entity", profile.legalEntityId())
                .param("currency", totals.currency())
                .param("cycle", profile.cycle().name())
                .param("zone", profile.timeZone().getId())
                .param("start", Timestamp.from(profile.periodStart()))
                .param("end", Timestamp.from(profile.periodEnd()))
                .param("firstDay", Date.valueOf(firstDay))
                .param("lastDay", Date.valueOf(statementDate.minusDays(1)))
                .param("statementDate", Date.valueOf(statementDate))
                .param("lineCount", totals.lineCount())
                .param("sales", totals.sales())
                .param("refunds", totals.refunds())
                .param("fees", totals.fees())
                .param("vat", totals.vat())
                .param("carried", totals.carriedForward())
                .param("net", totals.net())
                .param("status", status.name())
                .param("expected", status == ReportStatus.NOT_SETTLED
                        ? Date.valueOf(statementDate.plusDays(properties.payoutDelayDays())) : null)
                .param("settledAt", status == ReportStatus.SETTLED ? Timestamp.from(now) : null)
                .param("now", Timestamp.from(now))
                .query(ReportRows.INSTANCE)
                .single();
        if (status == ReportStatus.CARRIED_FORWARD) {
            lines.carryForward(profile.legalEntityId(), profile.merchantId(), totals.currency(), id, totals.net(),
                    profile.periodEnd());
        }
        outbox.append(SettlementTopics.SETTLEMENT_EVENTS, id.toString(), SettlementReportReady.TYPE, id.toString(),
                readyEvent(profile, report));
        return report;
    }

    private SettlementReportReady readyEvent(SettlementProfile profile, SettlementReport report) {
        Currency currency = Currency.valueOf(report.currency());
        Instant expires = links.expiry();
        return new SettlementReportReady(report.id(), report.merchantId(), report.legalEntityId(), profile.legalNameEn(),
                profile.legalNameAr(), report.settlementReference(), report.firstDay(), report.lastDay(),
                report.statementDate(), report.timeZone().getId(), new Money(report.totalSales(), currency),
                new Money(report.totalRefunds(), currency), new Money(report.totalFees(), currency),
                new Money(report.totalVat(), currency), new Money(report.carriedForward(), currency),
                new Money(report.netPayable(), currency), report.status().wireName(), report.expectedPayoutDate(),
                report.lineCount(), links.link(ReportDownloads.csvPath(report.id()), expires), expires, clock.instant());
    }
}
