package com.partnersportal.orders.summary;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.TestAccessTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The home page's figures: exact per currency, for the caller's merchant and legal entities only. */
@OrdersIntegrationTest
class OrderSummaryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    OrdersApi api;
    Orders orders;
    UUID merchant;
    String admin;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        merchant = TestMerchants.register(jdbc);
        orders = new Orders(api, merchant);
        admin = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
    }

    JsonNode summary(String token) {
        return expectStatus(api.asUser(token, HttpMethod.GET, "/portal/v1/orders/summary?time_zone=Asia/Riyadh", null), 200)
                .body();
    }

    static JsonNode currency(JsonNode figures, String currency) {
        for (JsonNode row : figures) {
            if (row.get("currency").asString().equals(currency)) {
                return row;
            }
        }
        return null;
    }

    static String amount(JsonNode row, String field) {
        return row.get(field).get("amount").toString();
    }

    @Test
    void todayThisWeekAndTheWeeksAddUpPerCurrency() {
        UUID captured = orders.authorisedSaudiOrder("REF-SUM-1", "200.00");
        expectStatus(orders.capture(captured, "150.50", "SAR"), 200);
        expectStatus(orders.refund(captured, "20.25", "SAR", "R-1"), 200);
        UUID canceled = orders.authorisedSaudiOrder("REF-SUM-2", "99.99");
        expectStatus(orders.cancel(canceled, "99.99", "SAR"), 200);
        orders.authorisedOrder("REF-SUM-KW", "KW", "KWD", "12.345");
        expectStatus(orders.decide(orders.saudiCheckout("REF-SUM-DECLINED", "500.00"), "declined"), 200);
        orders.saudiCheckout("REF-SUM-NEW", "70.00");

        JsonNode summary = summary(admin);

        assertThat(summary.get("today").asString())
                .isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Riyadh")).toString());
        for (String period : List.of("today_figures", "week_figures")) {
            JsonNode sar = currency(summary.get(period), "SAR");
            // Declined and unanswered checkouts are no sales.
            assertThat(sar.get("orders").asLong()).isEqualTo(2);
            assertThat(amount(sar, "sales")).isEqualTo("299.99");
            assertThat(amount(sar, "captures")).isEqualTo("150.50");
            assertThat(amount(sar, "refunds")).isEqualTo("20.25");
            assertThat(amount(sar, "cancels")).isEqualTo("99.99");
            JsonNode kwd = currency(summary.get(period), "KWD");
            assertThat(amount(kwd, "sales")).isEqualTo("12.345");
            assertThat(amount(kwd, "captures")).isEqualTo("0.000");
        }
        JsonNode weeks = summary.get("weeks");
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(11).get("week_start").asString()).isEqualTo(summary.get("week_start").asString());
        assertThat(amount(currency(weeks.get(11).get("figures"), "SAR"), "sales")).isEqualTo("299.99");
        // Every week names every currency, so that charts have a value for each.
        assertThat(amount(currency(weeks.get(0).get("figures"), "SAR"), "sales")).isEqualTo("0.00");
    }

    @Test
    void ordersNeedingTheMerchantAreCountedWithWhatIsLeft() {
        UUID partly = orders.authorisedSaudiOrder("REF-ACT-1", "100.00");
        expectStatus(orders.capture(partly, "40.00", "SAR"), 200);
        orders.authorisedSaudiOrder("REF-ACT-2", "30.00");
        UUID approved = orders.saudiCheckout("REF-ACT-3", "55.00");
        expectStatus(orders.decide(approved, "approved"), 200);
        UUID expiring = orders.saudiCheckout("REF-ACT-4", "45.00");
        expectStatus(orders.decide(expiring, "approved"), 200);
        // Approved 71 hours ago: its authorisation window closes within the day.
        jdbc.sql("UPDATE orders SET expires_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant().plus(Duration.ofHours(1)))).param("id", expiring).update();

        JsonNode action = summary(admin).get("needs_action");

        assertThat(action.get("awaiting_authorisation").get("count").asLong()).isEqualTo(2);
        assertThat(action.get("awaiting_authorisation").get("amounts").get(0).get("amount").toString()).isEqualTo("100.00");
        // Partially captured orders are captured already; an authorised one waits for its capture.
        assertThat(action.get("awaiting_capture").get("count").asLong()).isEqualTo(1);
        assertThat(action.get("awaiting_capture").get("amounts").get(0).get("amount").toString()).isEqualTo("30.00");
        assertThat(action.get("expiring_soon").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void aUserLimitedToOneEntityAndAnotherMerchantSeeOnlyTheirOwn() {
        orders.authorisedSaudiOrder("REF-SCOPE-SA", "10.00");
        orders.authorisedOrder("REF-SCOPE-AE", "AE", "AED", "20.00");
        String saudiOnly = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW),
                List.of(TestMerchants.entityIn(jdbc, merchant, "SA")));
        String stranger = TestAccessTokens.user(TestMerchants.register(jdbc), UUID.randomUUID(),
                Set.of(Permission.ORDERS_VIEW), List.of());

        JsonNode limited = summary(saudiOnly);
        assertThat(currency(limited.get("today_figures"), "SAR")).isNotNull();
        assertThat(currency(limited.get("today_figures"), "AED")).isNull();
        // Asking for the other entity by id shows nothing of it.
        JsonNode asked = expectStatus(api.asUser(saudiOnly, HttpMethod.GET, "/portal/v1/orders/summary?legal_entity_id="
                + TestMerchants.entityIn(jdbc, merchant, "AE"), null), 200).body();
        assertThat(asked.get("today_figures")).isEmpty();
        assertThat(summary(stranger).get("today_figures")).isEmpty();
        assertThat(summary(stranger).get("needs_action").get("awaiting_capture").get("count").asLong()).isZero();
    }

    @Test
    void badParametersAndMissingPermissionAreRefusedInWords() {
        OrdersApi.Answer zone = api.asUser(admin, HttpMethod.GET, "/portal/v1/orders/summary?time_zone=Mars/Base", null);
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.errorCode()).isEqualTo("invalid_field");
        assertThat(api.asUser(admin, HttpMethod.GET, "/portal/v1/orders/summary?legal_entity_id=x", null).status())
                .isEqualTo(400);
        String finance = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), List.of());
        assertThat(api.asUser(finance, HttpMethod.GET, "/portal/v1/orders/summary", null).status()).isEqualTo(403);
    }
}
