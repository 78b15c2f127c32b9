package com.partnersportal.orders.search;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.IdentityStandIn;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.ArrayList;
import java.util.EnumSet;
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

/** The portal's order pages, called with signed-in users' tokens: scoped by their merchant, entities and role. */
@OrdersIntegrationTest
class PortalOrdersIT {

    private static final Set<Permission> EVERYTHING = EnumSet.of(Permission.ORDERS_VIEW, Permission.ORDERS_CAPTURE,
            Permission.ORDERS_REFUND, Permission.ORDERS_CANCEL, Permission.ORDERS_EXPORT);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private OrdersApi api;
    private Orders orders;
    private UUID merchant;
    private UUID user;
    private String admin;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        merchant = TestMerchants.register(jdbc);
        orders = new Orders(api, merchant);
        user = UUID.randomUUID();
        admin = TestAccessTokens.user(merchant, user, EVERYTHING, List.of());
    }

    @Test
    void theListIsNewestFirstPagedByCursorAndHidesDeclinedAndExpiredUnlessAsked() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(orders.saudiCheckout("REF-LIST-" + i, "1" + i + ".00"));
        }
        UUID declined = orders.saudiCheckout("REF-LIST-DECLINED", "9.00");
        orders.decide(declined, "declined");

        JsonNode first = list("limit=3");
        assertThat(ids(first)).containsExactly(created.get(4), created.get(3), created.get(2));
        JsonNode second = list("limit=3&cursor=" + first.get("next_cursor").asString());
        assertThat(ids(second)).containsExactly(created.get(1), created.get(0));
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(ids(list("status=declined"))).containsExactly(declined);
        assertThat(ids(list("include_hidden=true&limit=1"))).containsExactly(declined);
        JsonNode row = first.get("orders").get(0);
        assertThat(row.get("status").asString()).isEqualTo("new");
        assertThat(row.get("total_amount").toString()).isEqualTo("{\"amount\":14.00,\"currency\":\"SAR\"}");
        assertThat(row.get("consumer_name").asString()).isEqualTo("Noura Al-Harbi");
    }

    @Test
    void filtersAndExactSearchByAnyOfTheThreeReferences() {
        UUID saudi = orders.checkout("REF-FILTER-SA", "SA", "SAR", "500.00");
        UUID emirati = orders.checkout("REF-FILTER-AE", "AE", "AED", "75.00");
        UUID kuwaiti = orders.authorisedOrder("REF-FILTER-KW", "KW", "KWD", "12.345");

        assertThat(ids(list("currency=AED"))).containsExactly(emirati);
        assertThat(ids(list("country_code=KW&status=authorised"))).containsExactly(kuwaiti);
        assertThat(ids(list("amount_min=100&amount_max=600"))).containsExactly(saudi);
        assertThat(ids(list("legal_entity_id=" + TestMerchants.entityIn(jdbc, merchant, "SA")))).containsExactly(saudi);
        assertThat(ids(list("q=REF-FILTER-AE"))).containsExactly(emirati);
        assertThat(ids(list("q=N-REF-FILTER-SA"))).containsExactly(saudi);
        assertThat(ids(list("q=" + kuwaiti))).containsExactly(kuwaiti);
        assertThat(ids(list("q=REF-FILTER"))).as("search is exact, not a prefix").isEmpty();
        assertThat(ids(list("created_from=2020-01-01&created_to=2020-01-31"))).isEmpty();
        assertThat(ids(list("updated_from=2020-01-01T00:00:00Z")).size()).isEqualTo(3);

        OrdersApi.Answer bad = api.asUser(admin, HttpMethod.GET, "/portal/v1/orders?status=shipped", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_field");
        assertThat(api.asUser(admin, HttpMethod.GET, "/portal/v1/orders?amount_min=lots", null).status()).isEqualTo(400);
        assertThat(api.asUser(admin, HttpMethod.GET, "/portal/v1/orders?cursor=garbage", null).errorCode())
                .isEqualTo("invalid_cursor");
    }

    @Test
    void aUserLimitedToOneLegalEntitySeesOnlyItsOrders() {
        UUID saudi = orders.checkout("REF-ENTITY-SA", "SA", "SAR", "10.00");
        UUID emirati = orders.checkout("REF-ENTITY-AE", "AE", "AED", "10.00");
        String saudiOnly = TestAccessTokens.user(merchant, UUID.randomUUID(), EVERYTHING,
                List.of(TestMerchants.entityIn(jdbc, merchant, "SA")));

        assertThat(ids(api.asUser(saudiOnly, HttpMethod.GET, "/portal/v1/orders", null).body())).containsExactly(saudi);
        assertThat(api.asUser(saudiOnly, HttpMethod.GET, "/portal/v1/orders/" + emirati, null).status()).isEqualTo(404);
    }

    @Test
    void anotherMerchantsOrdersAreInvisibleEverywhere() {
        UUID order = orders.authorisedSaudiOrder("REF-FOREIGN", "10.00");
        String stranger = TestAccessTokens.user(TestMerchants.register(jdbc), UUID.randomUUID(), EVERYTHING, List.of());

        assertThat(ids(api.asUser(stranger, HttpMethod.GET, "/portal/v1/orders?q=" + order, null).body())).isEmpty();
        assertThat(api.asUser(stranger, HttpMethod.GET, "/portal/v1/orders/" + order, null).status()).isEqualTo(404);
        assertThat(api.asUser(stranger, HttpMethod.POST, "/portal/v1/orders/" + order + "/cancels",
                "{\"total_amount\": {\"amount\": 10.00, \"currency\": \"SAR\"}}").status()).isEqualTo(404);
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    @Test
    void captureRefundAndCancelFromThePortalRecordTheUserInTheTimeline() {
        UUID order = orders.authorisedSaudiOrder("REF-PORTAL-OPS", "300.00");

        OrdersApi.Answer captured = api.asUser(admin, HttpMethod.POST, "/portal/v1/orders/" + order + "/captures", """
                {"total_amount": {"amount": 200.00, "currency": "SAR"},
                 "shipping_info": {"shipped_at": "2026-11-21T08:00:00Z", "shipping_company": "Aramex"}}""");
        assertThat(captured.status()).as(captured.raw()).isEqualTo(200);
        assertThat(captured.text("status")).isEqualTo("partially_captured");

        OrdersApi.Answer refunded = api.asUser(admin, HttpMethod.POST, "/portal/v1/orders/" + order + "/refunds",
                "{\"total_amount\": {\"amount\": 50.00, \"currency\": \"SAR\"}, \"comment\": \"Damaged box\"}");
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.text("status")).isEqualTo("partially_refunded");

        JsonNode detail = api.asUser(admin, HttpMethod.GET, "/portal/v1/orders/" + order, null).body();
        JsonNode timeline = detail.get("timeline");
        assertThat(timeline).extracting(entry -> entry.get("kind").asString())
                .containsExactly("created", "approved", "authorised", "captured", "refunded");
        JsonNode refundEntry = timeline.get(4);
        assertThat(refundEntry.get("actor").get("type").asString()).isEqualTo("user");
        assertThat(refundEntry.get("actor").get("id").asString()).isEqualTo(user.toString());
        assertThat(refundEntry.get("actor").get("name").asString()).as("the user's name from their token")
                .isEqualTo("Test User");
        assertThat(refundEntry.get("amount").get("amount").toString()).isEqualTo("50.00");
        assertThat(refundEntry.get("detail").asString()).isEqualTo("Damaged box");
        assertThat(refundEntry.get("from_status").asString()).isEqualTo("partially_captured");
        assertThat(timeline.get(0).get("actor").get("type").asString()).isEqualTo("api_token");
        assertThat(timeline.get(0).get("actor").get("name").asString()).as("the API token's name from identity")
                .isEqualTo(IdentityStandIn.API_TOKEN_NAME);
        assertThat(detail.get("items").get(0).get("name").asString()).isEqualTo("Desk lamp");
        assertThat(detail.get("consumer").get("email").asString()).isEqualTo("noura@example.com");
        assertThat(detail.get("shipping_address").get("city").asString()).isEqualTo("Riyadh");

        UUID other = orders.authorisedSaudiOrder("REF-PORTAL-CXL", "40.00");
        OrdersApi.Answer canceled = api.asUser(admin, HttpMethod.POST, "/portal/v1/orders/" + other + "/cancels",
                "{\"total_amount\": {\"amount\": 40.00, \"currency\": \"SAR\"}}");
        assertThat(canceled.text("status")).isEqualTo("canceled");
        expectStatus(orders.get(other), 200);
    }

    @Test
    void aViewerSeesOrdersButCannotMoveMoneyAndMerchantTokensAreNotPortalUsers() {
        UUID order = orders.authorisedSaudiOrder("REF-VIEWER", "10.00");
        String viewer = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
        String finance = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), List.of());

        assertThat(api.asUser(viewer, HttpMethod.GET, "/portal/v1/orders/" + order, null).status()).isEqualTo(200);
        OrdersApi.Answer refused = api.asUser(viewer, HttpMethod.POST, "/portal/v1/orders/" + order + "/cancels",
                "{\"total_amount\": {\"amount\": 10.00, \"currency\": \"SAR\"}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("forbidden");
        assertThat(api.asUser(finance, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(403);
        assertThat(api.asMerchant(merchant, HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(403);
        assertThat(api.asUser(viewer, HttpMethod.POST, "/checkout", "{}").status())
                .as("the merchant API is for API tokens").isIn(400, 403);
        assertThat(api.asUser("not-a-jwt.at.all", HttpMethod.GET, "/portal/v1/orders", null).status()).isEqualTo(401);
        assertThat(orders.get(order).text("status")).isEqualTo("authorised");
    }

    private JsonNode list(String query) {
        OrdersApi.Answer answer = api.asUser(admin, HttpMethod.GET, "/portal/v1/orders?" + query, null);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("orders").forEach(row -> ids.add(UUID.fromString(row.get("order_id").asString())));
        return ids;
    }
}
