package com.partnersportal.settlement.report;

import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.settlement.period.Cycle;
import com.partnersportal.settlement.period.Periods;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A week of captures, refunds and cancels of two legal entities in two time zones, through the real bindings and
 * the sandbox clock: the week cut at each entity's midnight, reports that add up to the last unit, replays that
 * change nothing, late events in the next report, carry-forward, payouts, catch-up after downtime.
 */
@SettlementIntegrationTest
class WeeklySettlementIT {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private Events events;
    private SettlementApi api;
    private Settlements settlements;
    private UUID merchant;
    private UUID ksa;
    private UUID uae;
    private String user;

    @BeforeEach
    void setUp() {
        events = new Events(brokers);
        api = new SettlementApi(port);
        settlements = new Settlements(jdbc, api, clock);
        // Between Sunday 20:00 and 21:00 UTC Dubai's week has begun and Riyadh's not: start after that hour.
        Instant now = settlements.now();
        if (Periods.startContaining(now, Cycle.WEEKLY, ZoneId.of("Asia/Dubai"), DayOfWeek.MONDAY)
                .isAfter(Periods.startContaining(now, Cycle.WEEKLY, RIYADH, DayOfWeek.MONDAY))) {
            settlements.advancePast(now.plus(Duration.ofHours(1)));
        }
        merchant = UUID.randomUUID();
        ksa = UUID.randomUUID();
        uae = UUID.randomUUID();
        events.legalEntity(merchant, ksa, "SA", "SAR", "Asia/Riyadh", "300000000000003");
        events.legalEntity(merchant, uae, "AE", "AED", "Asia/Dubai", null);
        settlements.awaitRegistered(ksa);
        settlements.awaitRegistered(uae);
        user = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), Set.of());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aWeekOfMixedEventsInTwoTimeZonesClosesIntoReportsThatAddUpToTheLastUnit() {
        Settlements.Period week = settlements.openPeriod(ksa);
        Settlements.Period uaeWeek = settlements.openPeriod(uae);
        assertThat(week.start().atZone(RIYADH).toLocalTime()).hasToString("00:00");
        assertThat(week.start().atZone(RIYADH).getDayOfWeek()).hasToString("MONDAY");
        assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(uaeWeek.end(), week.end())).isEqualTo(Duration.ofHours(1));

        Order a = Order.of(merchant, ksa, "SA", Currency.SAR);
        Order b = Order.of(merchant, ksa, "SA", Currency.SAR);
        Order c = Order.of(merchant, ksa, "SA", Currency.SAR);
        Order d = Order.of(merchant, ksa, "SA", Currency.SAR);
        Order e = Order.of(merchant, ksa, "SA", Currency.SAR);
        UUID a1 = UUID.randomUUID();
        Events.Sent captureA = events.captured(a, a1, "300.00", week.start().plus(Duration.ofDays(1)));
        events.refunded(a, UUID.randomUUID(), a1, "100.00", week.start().plus(Duration.ofDays(2)));
        events.captured(b, UUID.randomUUID(), "100.00", week.start().plus(Duration.ofDays(1)));
        events.captured(b, UUID.randomUUID(), "50.00", week.start().plus(Duration.ofDays(3)));
        events.canceled(c, UUID.randomUUID(), "200.00", week.start().plus(Duration.ofDays(2)));
        events.captured(d, UUID.randomUUID(), "80.00", week.end().minusSeconds(1)); // Sunday 23:59:59 in Riyadh
        events.captured(e, UUID.randomUUID(), "70.00", week.end());                // Monday 00:00:00 in Riyadh
        // A redelivery (same event id) and a re-publication (new event id) of the same capture change nothing.
        events.resend(captureA);
        events.captured(a, a1, "300.00", week.start().plus(Duration.ofDays(1)));

        Order f = Order.of(merchant, uae, "AE", Currency.AED);
        Order g = Order.of(merchant, uae, "AE", Currency.AED);
        events.captured(f, UUID.randomUUID(), "500.00", uaeWeek.start().plus(Duration.ofDays(1)));
        events.captured(g, UUID.randomUUID(), "40.00", week.end().minus(Duration.ofMinutes(30))); // Monday 00:30 in Dubai

        settlements.awaitLines(ksa, 7);
        settlements.awaitLines(uae, 2);
        settlements.advancePast(week.end());
        settlements.awaitReports(ksa, 1);
        settlements.awaitReports(uae, 1);

        JsonNode list = expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + ksa), 200).body();
        assertThat(list.get("reports")).hasSize(1);
        JsonNode report = list.get("reports").get(0);
        LocalDate monday = week.start().atZone(RIYADH).toLocalDate();
        assertThat(report.get("period_start").asString()).isEqualTo(monday.toString());
        assertThat(report.get("period_end").asString()).isEqualTo(monday.plusDays(6).toString());
        assertThat(report.get("statement_date").asString()).isEqualTo(monday.plusDays(7).toString());
        assertThat(report.get("expected_payout_date").asString()).isEqualTo(monday.plusDays(9).toString());
        assertThat(report.get("status").asString()).isEqualTo("not_settled");
        assertThat(report.get("settlement_reference").asString()).matches("STL\\d{8}-\\d{6}");
        assertThat(report.get("line_count").asLong()).isEqualTo(6);
        assertThat(amount(report, "total_sales")).isEqualTo("530.00");
        assertThat(amount(report, "total_refunds")).isEqualTo("100.00");
        assertThat(amount(report, "total_fees")).isEqualTo("13.75");
        assertThat(amount(report, "total_vat")).isEqualTo("2.07");
        assertThat(amount(report, "net_payable")).isEqualTo("414.18");

        List<JsonNode> lines = allLines(report.get("report_id").asString(), 4);
        assertThat(lines).hasSize(6);
        assertThat(sum(lines, "net")).isEqualByComparingTo("414.18");
        assertThat(sum(lines, "fee")).isEqualByComparingTo("13.75");
        assertThat(sum(lines, "vat")).isEqualByComparingTo("2.07");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("legal_entity_id").asString()).isEqualTo(ksa.toString());
            assertThat(line.get("order_id").asString()).isNotBlank();
            assertThat(line.get("order_reference_id").asString()).startsWith("REF-");
            assertThat(line.get("event_time").asString()).isNotBlank();
            assertThat(new BigDecimal(line.get("net").get("amount").toString())).isEqualByComparingTo(
                    new BigDecimal(line.get("gross").get("amount").toString())
                            .subtract(new BigDecimal(line.get("fee").get("amount").toString()))
                            .subtract(new BigDecimal(line.get("vat").get("amount").toString())));
        });
        JsonNode sale = lines.stream().filter(l -> a1.toString().equals(text(l, "capture_id")) && "sale".equals(text(l, "type")))
                .findFirst().orElseThrow();
        assertThat(sale.get("order_id").asString()).isEqualTo(a.id().toString());
        assertThat(sale.get("order_reference_id").asString()).isEqualTo(a.reference());
        assertThat(amount(sale, "fee")).isEqualTo("8.50");
        assertThat(amount(sale, "vat")).isEqualTo("1.28");
        assertThat(amount(sale, "net")).isEqualTo("290.22");
        JsonNode refund = lines.stream().filter(l -> "refund".equals(text(l, "type"))).findFirst().orElseThrow();
        assertThat(amount(refund, "gross")).isEqualTo("-100.00");
        assertThat(amount(refund, "fee")).isEqualTo("-2.50");
        assertThat(amount(refund, "net")).isEqualTo("-97.12");
        JsonNode cancel = lines.stream().filter(l -> "cancel".equals(text(l, "type"))).findFirst().orElseThrow();
        assertThat(amount(cancel, "amount")).isEqualTo("200.00");
        assertThat(amount(cancel, "net")).isEqualTo("0.00");
        assertThat(lines).extracting(l -> text(l, "order_id")).contains(d.id().toString()).doesNotContain(e.id().toString());

        JsonNode uaeReport = expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + uae), 200)
                .body().get("reports").get(0);
        assertThat(uaeReport.get("currency").asString()).isEqualTo("AED");
        assertThat(uaeReport.get("line_count").asLong()).isEqualTo(1);
        assertThat(amount(uaeReport, "total_fees")).isEqualTo("13.50");
        assertThat(amount(uaeReport, "total_vat")).isEqualTo("0.68"); // 5 % in the UAE
        assertThat(amount(uaeReport, "net_payable")).isEqualTo("485.82");

        JsonNode info = expect(api.asUser(user, "/portal/v1/settlements/info?legal_entity_id=" + ksa), 200).body()
                .get("legal_entities").get(0);
        assertThat(info.get("cycle").asString()).isEqualTo("weekly");
        assertThat(amount(info, "not_paid_yet")).isEqualTo("414.18");
        assertThat(amount(info.get("upcoming_payment"), "amount")).isEqualTo("414.18");
        assertThat(info.get("upcoming_payment").get("expected_date").asString()).isEqualTo(monday.plusDays(9).toString());
        assertThat(amount(info, "current_balance")).isEqualTo("66.84"); // order E's capture (70.00 - 2.75 - 0.41), in the open week
    }

    @Test
    void lateEventsLandInTheNextReportAClosedReportNeverChangesAndANegativeNetIsCarriedForward() {
        Settlements.Period week1 = settlements.openPeriod(ksa);
        Order order = Order.of(merchant, ksa, "SA", Currency.SAR);
        UUID capture = UUID.randomUUID();
        events.captured(order, capture, "100.00", week1.start().plus(Duration.ofHours(1)));
        settlements.awaitLines(ksa, 1);
        settlements.advancePast(week1.end());
        settlements.awaitReports(ksa, 1);
        JsonNode first = onlyReport(0);
        assertThat(amount(first, "net_payable")).isEqualTo("95.97");

        // A refund dated in the closed week arrives now, and another one in the new week: a negative week.
        events.refunded(order, UUID.randomUUID(), capture, "60.00", week1.start().plus(Duration.ofHours(2)));
        Settlements.Period week2 = settlements.openPeriod(ksa);
        events.refunded(order, UUID.randomUUID(), capture, "40.00", week2.start().plus(Duration.ofHours(1)));
        settlements.awaitLines(ksa, 3);
        settlements.advancePast(week2.end());
        settlements.awaitReports(ksa, 2);

        JsonNode second = onlyReport(0);
        assertThat(second.get("line_count").asLong()).isEqualTo(2);
        assertThat(amount(second, "total_refunds")).isEqualTo("100.00");
        // The percentage fee on the 100.00 capture (2.50) comes back in full once it is refunded in full; the fixed fee stays.
        assertThat(amount(second, "total_fees")).isEqualTo("-2.50");
        assertThat(amount(second, "total_vat")).isEqualTo("-0.38");
        assertThat(amount(second, "net_payable")).isEqualTo("-97.12");
        assertThat(second.get("status").asString()).isEqualTo("carried_forward");
        assertThat(second.get("expected_payout_date").isNull()).isTrue();
        JsonNode firstAgain = onlyReport(1);
        assertThat(firstAgain).isEqualTo(first);

        Settlements.Period week3 = settlements.openPeriod(ksa);
        Order next = Order.of(merchant, ksa, "SA", Currency.SAR);
        events.captured(next, UUID.randomUUID(), "200.00", week3.start().plus(Duration.ofHours(1)));
        settlements.awaitLines(ksa, 4);
        settlements.advancePast(week3.end());
        settlements.awaitReports(ksa, 3);

        JsonNode third = onlyReport(0);
        assertThat(amount(third, "carried_forward")).isEqualTo("-97.12");
        assertThat(amount(third, "net_payable")).isEqualTo("95.98"); // 193.10 - 97.12
        assertThat(third.get("status").asString()).isEqualTo("not_settled");
        List<JsonNode> lines = allLines(third.get("report_id").asString(), 50);
        assertThat(lines).extracting(l -> text(l, "type")).containsExactlyInAnyOrder("carried_forward", "sale");
        assertThat(lines.stream().filter(l -> "carried_forward".equals(text(l, "type"))).findFirst().orElseThrow()
                .get("carried_from_report_id").asString()).isEqualTo(second.get("report_id").asString());
        assertThat(sum(lines, "net")).isEqualByComparingTo("95.98");

        String id = third.get("report_id").asString();
        assertThat(expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/reports/" + id + "/payout-confirmed", null),
                409).errorCode()).isEqualTo("invalid_report_status");
        JsonNode pending = expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/reports/" + id + "/payout-sent",
                "{\"payout_reference\": \"BANK-123\"}"), 200).body();
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("payout_reference").asString()).isEqualTo("BANK-123");
        JsonNode settled = expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/reports/" + id + "/payout-confirmed",
                null), 200).body();
        assertThat(settled.get("status").asString()).isEqualTo("settled");
        assertThat(expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/reports/" + id + "/payout-sent", null), 409)
                .body().get("errors").get(0).get("data").get("old_status").asString()).isEqualTo("settled");
        String carried = second.get("report_id").asString();
        expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/reports/" + carried + "/payout-sent", null), 409);
        expect(api.asUser(user, HttpMethod.POST, "/operator/v1/settlement/reports/" + id + "/payout-sent", null), 403);

        JsonNode info = expect(api.asUser(user, "/portal/v1/settlements/info?legal_entity_id=" + ksa), 200).body()
                .get("legal_entities").get(0);
        assertThat(amount(info.get("last_settlement"), "amount")).isEqualTo("95.98");
        // The first week's payout is still to be sent.
        assertThat(amount(info, "not_paid_yet")).isEqualTo("95.97");
        assertThat(info.get("upcoming_payment").get("report_id").asString()).isEqualTo(first.get("report_id").asString());
    }

    @Test
    void weeksMissedWhileNothingRanAreEachClosedAfterwards() {
        Settlements.Period week1 = settlements.openPeriod(ksa);
        Order order = Order.of(merchant, ksa, "SA", Currency.SAR);
        events.captured(order, UUID.randomUUID(), "10.00", week1.start().plus(Duration.ofHours(3)));
        events.captured(order, UUID.randomUUID(), "20.00", week1.end().plus(Duration.ofDays(8)));
        settlements.awaitLines(ksa, 2);

        settlements.advancePast(week1.end().plus(Duration.ofDays(14)));
        settlements.awaitReports(ksa, 2);

        JsonNode reports = expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + ksa), 200).body()
                .get("reports");
        LocalDate monday = week1.start().atZone(RIYADH).toLocalDate();
        assertThat(reports.get(0).get("period_start").asString()).isEqualTo(monday.plusDays(14).toString());
        assertThat(reports.get(1).get("period_start").asString()).isEqualTo(monday.toString());
        assertThat(settlements.openPeriod(ksa).start()).isEqualTo(week1.end().plus(Duration.ofDays(14)));
    }

    @Test
    void tenantsNeverSeeEachOther() {
        Settlements.Period week = settlements.openPeriod(ksa);
        events.captured(Order.of(merchant, ksa, "SA", Currency.SAR), UUID.randomUUID(), "10.00", week.start().plusSeconds(5));
        events.captured(Order.of(merchant, uae, "AE", Currency.AED), UUID.randomUUID(), "10.00", week.start().plusSeconds(5));
        settlements.awaitLines(ksa, 1);
        settlements.awaitLines(uae, 1);
        settlements.advancePast(week.end());
        settlements.awaitReports(ksa, 1);
        settlements.awaitReports(uae, 1);
        String ksaReport = onlyReport(0).get("report_id").asString();

        String stranger = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), Set.of());
        assertThat(expect(api.asUser(stranger, "/portal/v1/settlements/reports/" + ksaReport), 404).errorCode())
                .isEqualTo("report_not_found");
        assertThat(expect(api.asUser(stranger, "/portal/v1/settlements/reports/" + UUID.randomUUID()), 404).errorCode())
                .isEqualTo("report_not_found");
        expect(api.asUser(stranger, "/portal/v1/settlements/reports/" + ksaReport + "/csv"), 404);
        assertThat(expect(api.asUser(stranger, "/portal/v1/settlements/reports?legal_entity_id=" + ksa), 200).body()
                .get("reports")).isEmpty();
        assertThat(expect(api.asUser(stranger, "/portal/v1/settlements/info"), 200).body().get("legal_entities")).isEmpty();

        String uaeOnly = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), Set.of(uae));
        expect(api.asUser(uaeOnly, "/portal/v1/settlements/reports/" + ksaReport), 404);
        JsonNode visible = expect(api.asUser(uaeOnly, "/portal/v1/settlements/reports"), 200).body().get("reports");
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).get("legal_entity_id").asString()).isEqualTo(uae.toString());
        assertThat(expect(api.asUser(uaeOnly, "/portal/v1/settlements/info"), 200).body().get("legal_entities")).hasSize(1);

        String noRight = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), Set.of());
        assertThat(expect(api.asUser(noRight, "/portal/v1/settlements/reports"), 403).errorCode()).isEqualTo("forbidden");
        expect(api.asOperator(HttpMethod.GET, "/portal/v1/settlements/reports", null), 403);
        expect(api.call(HttpMethod.GET, "/portal/v1/settlements/reports", null, java.util.Map.of()), 401);

        assertThat(expect(api.asUser(user, "/portal/v1/settlements/reports?from=2026-13-01"), 400).errorCode())
                .isEqualTo("invalid_field");
        assertThat(expect(api.asUser(user, "/portal/v1/settlements/reports?status=paid"), 400).errorCode())
                .isEqualTo("invalid_field");
        assertThat(expect(api.asUser(user, "/portal/v1/settlements/reports?cursor=garbage!"), 400).errorCode())
                .isEqualTo("invalid_cursor");
        assertThat(expect(api.asUser(user, "/portal/v1/settlements/reports?limit=0"), 400).errorCode())
                .isEqualTo("invalid_field");
    }

    private JsonNode onlyReport(int index) {
        return expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + ksa), 200).body()
                .get("reports").get(index);
    }

    private List<JsonNode> allLines(String reportId, int pageSize) {
        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(api.asUser(user, "/portal/v1/settlements/reports/" + reportId + "?limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + cursor)), 200).body();
            page.get("lines").forEach(lines::add);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return lines;
    }

    private static BigDecimal sum(List<JsonNode> lines, String field) {
        return lines.stream().map(l -> new BigDecimal(l.get(field).get("amount").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String amount(JsonNode node, String field) {
        return node.get(field).get("amount").toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
