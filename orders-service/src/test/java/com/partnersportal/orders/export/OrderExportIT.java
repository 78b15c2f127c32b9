package com.partnersportal.orders.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.orders.contract.OrderExportReady;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.testsupport.TopicReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Export Orders CSV" end to end inside the service: asked for, produced in the background with progress,
 * announced on the export topic with a signed link, and downloaded as a spreadsheet-safe CSV that matches the
 * orders cent by cent.
 */
@OrdersIntegrationTest
class OrderExportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOSTILE_REFERENCE = "=HYPERLINK(\\\"http://evil.example\\\")";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    private OrdersApi api;
    private UUID merchant;
    private UUID user;
    private String token;

    @BeforeEach
    void merchant() {
        api = new OrdersApi(port);
        merchant = TestMerchants.register(jdbc);
        user = UUID.randomUUID();
        token = TestAccessTokens.user(merchant, user, Set.of(Permission.ORDERS_VIEW, Permission.ORDERS_EXPORT), List.of());
    }

    @Test
    void anExportIsProducedInTheBackgroundAnnouncedAndDownloadedAsSafeCsv() throws Exception {
        Orders orders = new Orders(api, merchant);
        UUID kuwaiti = orders.authorisedOrder("REF-CSV-KW", "KW", "KWD", "12.345");
        orders.capture(kuwaiti, "2.005", "KWD");
        UUID arabic = checkout(CheckoutBodies.saudiOrder("REF-CSV-AR").replace("\"Noura\"", "\"نورة\"")
                .replace("\"Al-Harbi\"", "\"الحربي\""));
        UUID hostile = checkout(CheckoutBodies.saudiOrder(HOSTILE_REFERENCE));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));

        try (TopicReader exportEvents = new TopicReader(brokers, OrderTopics.EXPORT_EVENTS)) {
            OrdersApi.Answer accepted = api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                    "{\"created_from\": \"%s\", \"created_to\": \"%s\"}".formatted(today.minusDays(1), today.plusDays(1)));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            assertThat(accepted.text("status")).isIn("queued", "running");
            String exportId = accepted.text("export_id");

            JsonNode done = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.asUser(token, HttpMethod.GET, "/portal/v1/order-exports/" + exportId, null).body(),
                    status -> "done".equals(status.get("status").asString()));
            assertThat(done.get("rows_written").asLong()).isEqualTo(3);

            ConsumerRecord<String, byte[]> ready = exportEvents.awaitRecord(r -> exportId.equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(TopicReader.header(ready, CloudEventHeaders.TYPE)).isEqualTo(OrderExportReady.TYPE);
            JsonNode event = OrdersApi.JSON.readTree(TopicReader.value(ready));
            assertThat(event.get("requested_by").asString()).isEqualTo(user.toString());
            assertThat(event.get("recipient_email").asString()).isEqualTo("user-" + user + "@merchant.example");
            assertThat(event.get("row_count").asLong()).isEqualTo(3);
            String link = event.get("download_url").asString();
            assertThat(link).startsWith("http://127.0.0.1:8080/downloads/order-exports/" + exportId + "?expires=");

            HttpResponse<byte[]> download = get(local(link));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            byte[] bytes = download.body();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8).substring(1))).getRecords();
            assertThat(rows).hasSize(3);
            Map<String, CSVRecord> byId = new java.util.HashMap<>();
            rows.forEach(row -> byId.put(row.get("order_id"), row));

            CSVRecord kw = byId.get(kuwaiti.toString());
            assertThat(kw.get("total_amount")).isEqualTo("12.345");
            assertThat(kw.get("captured_amount")).isEqualTo("2.005");
            assertThat(kw.get("refunded_amount")).isEqualTo("0.000");
            assertThat(kw.get("currency")).isEqualTo("KWD");
            assertThat(kw.get("status")).isEqualTo("partially_captured");
            assertThat(kw.get("created_at")).endsWith("+03:00");
            CSVRecord ar = byId.get(arabic.toString());
            assertThat(ar.get("consumer_first_name")).isEqualTo("نورة");
            assertThat(ar.get("total_amount")).isEqualTo("300.00");
            assertThat(ar.get("consumer_phone_number")).as("a leading + is neutralised").isEqualTo("'+966500000001");
            assertThat(byId.get(hostile.toString()).get("order_reference_id")).startsWith("'=HYPERLINK(");

            HttpResponse<byte[]> tampered = get(local(link.replace("signature=", "signature=0")));
            assertThat(tampered.statusCode()).isEqualTo(404);
            HttpResponse<byte[]> stretched = get(local(link.replaceFirst("expires=\\d+", "expires=99999999999")));
            assertThat(stretched.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void exportsAreTheRequestersOwnAndNeedTheExportPermission() {
        OrdersApi.Answer accepted = api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                "{\"created_from\": \"2026-01-01\", \"created_to\": \"2026-01-31\"}");
        String exportId = accepted.text("export_id");

        String colleague = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_EXPORT), List.of());
        assertThat(api.asUser(colleague, HttpMethod.GET, "/portal/v1/order-exports/" + exportId, null).status())
                .isEqualTo(404);
        String viewer = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());
        assertThat(api.asUser(viewer, HttpMethod.POST, "/portal/v1/order-exports",
                "{\"created_from\": \"2026-01-01\", \"created_to\": \"2026-01-31\"}").status()).isEqualTo(403);
        OrdersApi.Answer backwards = api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                "{\"created_from\": \"2026-02-01\", \"created_to\": \"2026-01-31\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                "{\"created_from\": \"2020-01-01\", \"created_to\": \"2026-01-31\"}").status()).isEqualTo(400);
        assertThat(api.asUser(token, HttpMethod.POST, "/portal/v1/order-exports",
                "{\"created_from\": \"yesterday\", \"created_to\": \"2026-01-31\"}").status()).isEqualTo(400);
    }

    private UUID checkout(String body) {
        OrdersApi.Answer answer = api.asMerchant(merchant, HttpMethod.POST, "/checkout", body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return UUID.fromString(answer.text("order_id"));
    }

    /** The mailed link names the gateway; the test asks the service behind it directly. */
    private String local(String link) {
        return link.replace("http://127.0.0.1:8080", "http://localhost:" + port);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
