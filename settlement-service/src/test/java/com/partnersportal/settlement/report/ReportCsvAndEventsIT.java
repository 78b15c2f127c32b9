package com.partnersportal.settlement.report;

import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.settlement.contract.SettlementReportReady;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.types.Currency;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The report's CSV for reconciliation, and the report-ready event with its signed link, as a merchant receives them. */
@SettlementIntegrationTest
class ReportCsvAndEventsIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aClosedWeekIsAnnouncedOnceAndItsCsvReconcilesEveryLine() throws Exception {
        SettlementApi api = new SettlementApi(port);
        Settlements settlements = new Settlements(jdbc, api, clock);
        UUID merchant = UUID.randomUUID();
        UUID kuwait = UUID.randomUUID();
        String user = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.SETTLEMENTS_VIEW), Set.of());
        try (Events events = new Events(brokers);
             TopicReader topic = new TopicReader(brokers, SettlementTopics.SETTLEMENT_EVENTS)) {
            events.legalEntity(merchant, kuwait, "KW", "KWD", "Asia/Kuwait", null);
            settlements.awaitRegistered(kuwait);
            Settlements.Period week = settlements.openPeriod(kuwait);
            Order order = new Order(UUID.randomUUID(), merchant, kuwait, "KW", Currency.KWD, "=HYPERLINK(\"x\")");
            UUID capture = UUID.randomUUID();
            events.captured(order, capture, "12.345", week.start().plus(Duration.ofHours(5)));
            events.refunded(order, UUID.randomUUID(), capture, "2.345", week.start().plus(Duration.ofHours(6)));
            events.canceled(Order.of(merchant, kuwait, "KW", Currency.KWD), UUID.randomUUID(), "5.000",
                    week.start().plus(Duration.ofHours(7)));
            settlements.awaitLines(kuwait, 3);
            settlements.advancePast(week.end());
            settlements.awaitReports(kuwait, 1);

            JsonNode report = expect(api.asUser(user, "/portal/v1/settlements/reports?legal_entity_id=" + kuwait), 200)
                    .body().get("reports").get(0);
            String id = report.get("report_id").asString();
            ConsumerRecord<String, byte[]> ready = topic.awaitRecord(r -> id.equals(r.key()), Settlements.PATIENCE);
            assertThat(TopicReader.header(ready, CloudEventHeaders.TYPE)).isEqualTo(SettlementReportReady.TYPE);
            JsonNode event = SettlementApi.JSON.readTree(TopicReader.value(ready));
            assertThat(event.get("settlement_reference").asString()).isEqualTo(report.get("settlement_reference").asString());
            assertThat(event.get("net_payable")).isEqualTo(report.get("net_payable"));
            assertThat(event.get("legal_entity_name_ar").asString()).startsWith("شركة");
            assertThat(event.get("period_start").asString()).isEqualTo(report.get("period_start").asString());

            SettlementApi.Answer csv = expect(api.asUser(user, "/portal/v1/settlements/reports/" + id + "/csv"), 200);
            assertThat(csv.headers().getContentDisposition().getFilename())
                    .isEqualTo("settlement-" + report.get("settlement_reference").asString() + ".csv");
            String text = csv.text();
            assertThat(text).startsWith("\uFEFF");
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text.substring(1))).getRecords();
            assertThat(rows).hasSize(3);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get("settlement_reference")).isEqualTo(report.get("settlement_reference").asString());
                assertThat(row.get("currency")).isEqualTo("KWD");
                assertThat(row.get("net")).matches("-?\\d+\\.\\d{3}");
            });
            CSVRecord sale = rows.stream().filter(r -> r.get("line_type").equals("sale")).findFirst().orElseThrow();
            assertThat(sale.get("order_reference_id")).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(sale.get("capture_id")).isEqualTo(capture.toString());
            assertThat(sale.get("gross")).isEqualTo("12.345");
            assertThat(sale.get("percentage_fee")).isEqualTo("0.309"); // 2.5 % of 12.345 = 0.308625
            assertThat(sale.get("fixed_fee")).isEqualTo("0.100");
            assertThat(sale.get("vat")).isEqualTo("0.000");            // no VAT in Kuwait
            assertThat(rows.stream().map(r -> new java.math.BigDecimal(r.get("net")))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).toPlainString())
                    .isEqualTo(report.get("net_payable").get("amount").toString());

            URI link = URI.create(event.get("csv_download_url").asString());
            assertThat(link.getPath()).isEqualTo("/downloads/settlement/reports/" + id + ".csv");
            SettlementApi.Answer mailed = api.call(HttpMethod.GET, link.getPath() + "?" + link.getQuery(), null, Map.of());
            assertThat(mailed.status()).isEqualTo(200);
            assertThat(mailed.text()).isEqualTo(text);
            assertThat(expect(api.call(HttpMethod.GET, link.getPath() + "?expires=9999999999&signature=00", null, Map.of()), 404)
                    .errorCode()).isEqualTo("download_link_invalid");
            assertThat(topic.recordsMatching(r -> id.equals(r.key()))).hasSize(1);
        }
    }
}
