package com.partnersportal.settlement.profile;

import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.types.Currency;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Operators set an entity's terms; bad input changes nothing; the new fee and cycle apply to what comes next. */
@SettlementIntegrationTest
class SettlementProfileIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void operatorsSetFeesCycleAndBankAccountAndTheyApplyToTheNextLines() {
        SettlementApi api = new SettlementApi(port);
        Settlements settlements = new Settlements(jdbc, api, clock);
        UUID merchant = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        try (Events events = new Events(brokers)) {
            events.legalEntity(merchant, entity, "SA", "SAR", "Asia/Riyadh", "300000000000003");
            settlements.awaitRegistered(entity);
            String path = "/operator/v1/settlement/profiles/" + entity;

            JsonNode initial = expect(api.asOperator(HttpMethod.GET, path, null), 200).body();
            assertThat(initial.get("cycle").asString()).isEqualTo("weekly");
            assertThat(initial.get("time_zone").asString()).isEqualTo("Asia/Riyadh");
            assertThat(initial.get("vat_rate").toString()).isEqualTo("15");
            assertThat(initial.get("vat_number_valid").asBoolean()).isTrue();

            assertThat(expect(api.asOperator(HttpMethod.PATCH, path, """
                    {"fees": [{"currency": "SAR", "percentage": 1.75, "fixed_amount": 0.50}],
                     "bank_account": {"iban": "SA04 8000 0000 6080 1016 7519"}}"""), 400).errorCode()).isEqualTo("iban_invalid");
            assertThat(expect(api.asOperator(HttpMethod.PATCH, path, """
                    {"fees": [{"currency": "SAR", "percentage": 1.75, "fixed_amount": 0.505}]}"""), 400).errorCode())
                    .isEqualTo("amount_invalid_precision");
            assertThat(expect(api.asOperator(HttpMethod.PATCH, path, "{\"cycle\": \"monthly\"}"), 400).errorCode())
                    .isEqualTo("invalid_field");
            assertThat(expect(api.asOperator(HttpMethod.PATCH, path, "{\"time_zone\": \"Mars/Olympus\"}"), 400).errorCode())
                    .isEqualTo("invalid_field");
            assertThat(expect(api.asOperator(HttpMethod.GET, path, null), 200).body()).isEqualTo(initial);
            assertThat(expect(api.asOperator(HttpMethod.GET, "/operator/v1/settlement/profiles/" + UUID.randomUUID(), null), 404)
                    .errorCode()).isEqualTo("legal_entity_not_found");
            String user = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), Set.of());
            expect(api.asUser(user, HttpMethod.PATCH, path, "{\"cycle\": \"daily\"}"), 403);

            JsonNode changed = expect(api.asOperator(HttpMethod.PATCH, path, """
                    {"fees": [{"currency": "SAR", "percentage": 1.75, "fixed_amount": 0.50}], "cycle": "daily",
                     "bank_account": {"iban": "sa03 8000 0000 6080 1016 7519", "bank_name": "Al Rajhi Bank",
                                      "account_holder": "Test Trading SA"}}"""), 200).body();
            assertThat(changed.get("cycle").asString()).isEqualTo("daily");
            assertThat(changed.get("fees").get(0).get("percentage").toString()).isEqualTo("1.75");
            assertThat(changed.get("bank_account").get("iban_masked").asString()).isEqualTo("SA03 **** **** **** **** 7519");
            assertThat(changed.toString()).doesNotContain("SA0380000000608010167519");

            // The open week became a day that may have ended already: the close job catches up first.
            await().atMost(Settlements.PATIENCE).until(() -> settlements.openPeriod(entity).end().isAfter(settlements.now()));
            Settlements.Period day = settlements.openPeriod(entity);
            assertThat(Duration.between(day.start(), day.end())).isLessThanOrEqualTo(Duration.ofDays(1));
            events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), "200.00",
                    day.end().minusSeconds(60));
            settlements.awaitLines(entity, 1);
            settlements.advancePast(day.end());
            settlements.awaitReports(entity, 1);
            JsonNode report = expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + entity), 200)
                    .body().get("reports").get(0);
            assertThat(report.get("cycle").asString()).isEqualTo("daily");
            assertThat(report.get("total_fees").get("amount").toString()).isEqualTo("4.00"); // 1.75 % of 200 + 0.50
            assertThat(report.get("total_vat").get("amount").toString()).isEqualTo("0.60");

            JsonNode info = expect(api.asUser(user, "/portal/v1/settlements/info"), 200).body().get("legal_entities").get(0);
            assertThat(info.get("bank_account").get("iban_masked").asString()).isEqualTo("SA03 **** **** **** **** 7519");
            assertThat(info.get("cycle").asString()).isEqualTo("daily");
        }
    }
}
