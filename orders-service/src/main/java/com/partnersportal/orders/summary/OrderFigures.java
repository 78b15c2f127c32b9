package com.partnersportal.orders.summary;

import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the home page's figures in the database, per local day and currency for the last 12 weeks (four grouped
 * queries), and folds the days into today, this week and the weeks.
 */
@Service
class OrderFigures {

    static final int WEEKS = 12;
    static final Duration EXPIRING_WITHIN = Duration.ofHours(24);

    /** Statuses of orders the customer approved and that did not expire: the merchant's sales. */
    private static final String SOLD = "o.status NOT IN ('NEW', 'DECLINED', 'EXPIRED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Scope(UUID merchantId, Set<UUID> allowedEntities, UUID legalEntityId) {

        String where() {
            return "o.merchant_id = :merchantId"
                    + (allowedEntities.isEmpty() ? "" : " AND o.legal_entity_id IN (:allowedEntities)")
                    + (legalEntityId == null ? "" : " AND o.legal_entity_id = :legalEntityId");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = statement.param("merchantId", merchantId);
            if (!allowedEntities.isEmpty()) {
                statement = statement.param("allowedEntities", List.copyOf(allowedEntities));
            }
            return legalEntityId == null ? statement : statement.param("legalEntityId", legalEntityId);
        }
    }

    private record DayFigure(LocalDate day, String currency, long count, BigDecimal amount) {
    }

    private enum Measure { ORDERS, CAPTURES, REFUNDS, CANCELS }

    @Transactional(readOnly = true)
    OrderSummary summary(Scope scope, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstWeek = weekStart.minusWeeks(WEEKS - 1);
        Instant from = firstWeek.atStartOfDay(zone).toInstant();

        Map<Measure, List<DayFigure>> days = new HashMap<>();
        days.put(Measure.ORDERS, perDay(scope, zone, from, "o.created_at", "count(*)", "o.total_amount", "orders o",
                SOLD));
        days.put(Measure.CAPTURES, perDay(scope, zone, from, "t.created_at", "count(*)", "t.amount",
                "order_capture t JOIN orders o ON o.id = t.order_id", null));
        days.put(Measure.REFUNDS, perDay(scope, zone, from, "t.created_at", "count(*)", "t.amount",
                "order_refund t JOIN orders o ON o.id = t.order_id", null));
        days.put(Measure.CANCELS, perDay(scope, zone, from, "t.created_at", "count(*)", "t.amount",
                "order_cancel t JOIN orders o ON o.id = t.order_id", null));

        Set<String> currencies = new TreeSet<>();
        days.values().forEach(list -> list.forEach(day -> currencies.add(day.currency())));

        List<OrderSummary.Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate start = firstWeek.plusWeeks(i);
            weeks.add(new OrderSummary.Week(start, figures(days, currencies, start, start.plusWeeks(1), true)));
        }
        return new OrderSummary(zone.getId(), today, weekStart,
                figures(days, currencies, today, today.plusDays(1), false),
                figures(days, currencies, weekStart, weekStart.plusWeeks(1), false),
                needsAction(scope, now), weeks);
    }

    private List<DayFigure> perDay(Scope scope, ZoneId zone, Instant from, String at, String count, String amount,
            String source, String condition) {
        String sql = """
                SELECT (%1$s AT TIME ZONE :zone)::date AS day, o.currency, %2$s AS count, sum(%3$s) AS amount
                FROM %4$s WHERE %5$s AND %1$s >= :from%6$s GROUP BY 1, 2""".formatted(at, count, amount, source,
                scope.where(), condition == null ? "" : " AND " + condition);
        return scope.bind(jdbc.sql(sql)).param("zone", zone.getId()).param("from", java.sql.Timestamp.from(from))
                .query((rs, n) -> new DayFigure(rs.getObject("day", LocalDate.class), rs.getString("currency").trim(),
                        rs.getLong("count"), rs.getBigDecimal("amount")))
                .list();
    }

    /** One row per currency over [start, end): all currencies seen when {@code allCurrencies}, else the active ones. */
    private static List<OrderSummary.Figures> figures(Map<Measure, List<DayFigure>> days, Set<String> currencies,
            LocalDate start, LocalDate end, boolean allCurrencies) {
        List<OrderSummary.Figures> rows = new ArrayList<>();
        for (String code : currencies) {
            Currency currency = Currency.fromCode(code).orElseThrow();
            long orders = 0;
            boolean active = false;
            Map<Measure, Money> sums = new TreeMap<>();
            for (Measure measure : Measure.values()) {
                Money sum = Money.zero(currency);
                for (DayFigure day : days.get(measure)) {
                    if (day.currency().equals(code) && !day.day().isBefore(start) && day.day().isBefore(end)) {
                        sum = sum.plus(new Money(day.amount(), currency));
                        active = true;
                        if (measure == Measure.ORDERS) {
                            orders += day.count();
                        }
                    }
                }
                sums.put(measure, sum);
            }
            if (active || allCurrencies) {
                rows.add(new OrderSummary.Figures(code, orders, WireMoney.of(sums.get(Measure.ORDERS)),
                        WireMoney.of(sums.get(Measure.CAPTURES)), WireMoney.of(sums.get(Measure.REFUNDS)),
                        WireMoney.of(sums.get(Measure.CANCELS))));
            }
        }
        return rows;
    }

    private OrderSummary.NeedsAction needsAction(Scope scope, Instant now) {
        Instant before = now.plus(EXPIRING_WITHIN);
        long expiring = scope.bind(jdbc.sql("SELECT count(*) FROM orders o WHERE " + scope.where()
                        + " AND o.status = 'APPROVED' AND o.expires_at <= :before"))
                .param("before", java.sql.Timestamp.from(before)).query(Long.class).single();
        return new OrderSummary.NeedsAction(
                group(scope, "o.status = 'APPROVED'", "o.total_amount"),
                group(scope, "o.status IN ('AUTHORISED', 'UPDATED')", "o.total_amount - o.captured_amount - o.canceled_amount"),
                new OrderSummary.Expiring(expiring, before));
    }

    private OrderSummary.Group group(Scope scope, String condition, String amount) {
        record Row(String currency, long count, BigDecimal amount) {
        }
        List<Row> rows = scope.bind(jdbc.sql("SELECT o.currency, count(*) AS count, sum(" + amount + ") AS amount"
                        + " FROM orders o WHERE " + scope.where() + " AND " + condition + " GROUP BY o.currency ORDER BY o.currency"))
                .query((rs, n) -> new Row(rs.getString("currency").trim(), rs.getLong("count"), rs.getBigDecimal("amount")))
                .list();
        return new OrderSummary.Group(rows.stream().mapToLong(Row::count).sum(), rows.stream()
                .map(row -> {
                    Currency currency = Currency.fromCode(row.currency()).orElseThrow();
                    return WireMoney.of(new Money(row.amount(), currency));
                })
                .toList());
    }
}
